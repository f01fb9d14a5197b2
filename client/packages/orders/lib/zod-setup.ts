import { z } from 'zod';

// WeChat forbids `new Function`; tell zod not to probe for it (its JIT is only a speed-up).
// Imported first by every module of this subpackage that parses with a zod schema.
z.config({ jitless: true });
