import { z } from 'zod';
import { method } from './method';

/** The review queue (质检): findings of note screening a lead accepts or marks as a violation. */
export const REVIEW_FILTERS = ['open', 'decided', 'accepted', 'violation', 'all'] as const;

export const ReviewRow = z.object({
  id: z.string(),
  activityId: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  clientCode: z.string(),
  collector: z.string(),
  startedAt: z.string(),
  /** the note as recorded (evidence: never changed) */
  notes: z.string(),
  rule: z.string(),
  category: z.string(),
  kind: z.enum(['block', 'warn']),
  /** the words that triggered the finding and where they are in `notes` */
  match: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** queued when the activity was recorded with a warn, or by a later re-screen of past notes */
  foundBy: z.enum(['record', 'rescreen']),
  pack: z.string(),
  /** the collector's reason for saving despite the warn */
  reason: z.string().nullable(),
  status: z.enum(['open', 'accepted', 'violation']),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
export type ReviewRow = z.infer<typeof ReviewRow>;

export const reviewMethods = {
  'review.list': method(z.object({ status: z.enum(REVIEW_FILTERS).optional(), clientCode: z.string().trim().min(1).max(32).optional() }).strict(), z.array(ReviewRow), 'lead'),
  'review.decide': method(
    z.object({ itemId: z.string().min(1).max(64), decision: z.enum(['accept', 'violation']), comment: z.string().max(500).default('') }).strict(),
    z.object({ status: z.enum(['accepted', 'violation']) }),
    'lead',
  ),
} as const;
