import { isoNow } from '../clock';
import { decideReview, reviewQueue } from '../review/queue';
import type { Handlers } from './handlers';
import { requireActor, requireDb } from './context';

type ReviewHandlers = Pick<Handlers, 'review.list' | 'review.decide'>;

export const reviewHandlers: ReviewHandlers = {
  'review.list': (i, ctx) => reviewQueue(requireDb(ctx), requireActor(ctx), i),
  'review.decide': (i, ctx) => {
    const status = decideReview(requireDb(ctx), requireActor(ctx), i.itemId, i.decision, i.comment, isoNow(ctx.clock));
    return { status: status === 'accepted' ? 'accepted' : 'violation' };
  },
};
