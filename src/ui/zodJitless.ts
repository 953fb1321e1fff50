// Imported first: zod must never probe for a code generator (the CSP forbids eval and would report the probe).
import { config } from 'zod';

config({ jitless: true });
