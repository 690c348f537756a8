import { z } from 'zod';
import { revisionReasonCodes } from './revision-reasons.js';

export const revisionReasonSchema = z.enum(revisionReasonCodes);
