import { Text } from '@tarojs/components';
import { timeChunks } from '../lib/time-chunks';

/**
 * Text with dates and times in it ("取消截止：11月25日 周三 06:00"), wrapped only between words: a
 * date or a time is never split across lines ("14:0 / 0–"), however narrow the screen.
 */
export function TimeText({ text, id, className }: { text: string; id?: string; className?: string }) {
  return (
    <Text id={id} className={className}>
      {timeChunks(text).map((chunk, index) =>
        chunk.keep ? (
          <Text key={index} className="time-chunk">
            {chunk.text}
          </Text>
        ) : (
          chunk.text
        ),
      )}
    </Text>
  );
}
