/**
 * What tablets do with help calls: send one (PUT, idempotent), ask how it
 * is going, cancel it. All with the tablet's Bearer token.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HELP_CALLS_API, HelpCallId, HelpCallRequest } from '../../shared/api/help-calls.ts';
import type { Database } from '../database/open-database.ts';
import { deviceOf, requireDevice } from '../devices/require-device.ts';
import { ApiError, parseRequestPart } from '../http/problems.ts';
import { waitingTime } from '../http/rate-limits.ts';
import type { HelpCallBus } from './help-call-bus.ts';
import { findHelpCall, forTablet } from './help-call-records.ts';
import { cancelHelpCall } from './help-call-transitions.ts';
import { receiveHelpCall } from './receive-help-call.ts';

const CallParams = z.object({ id: HelpCallId.transform((id) => id.toLowerCase()) });

export const MISSING_CALL_ID = 'A help call needs its id (a UUID) in the URL.';

export function callIdOf(request: FastifyRequest): string {
  return parseRequestPart(CallParams, request.params, 'help call address').id;
}

export function registerTabletHelpCallRoutes(
  app: FastifyInstance,
  { db, bus, ratePerMinute }: { db: Database; bus: HelpCallBus; ratePerMinute: number },
): void {
  const tablet = requireDevice(db);

  app.put(
    HELP_CALLS_API.send.path,
    {
      preHandler: tablet,
      config: {
        rateLimit: {
          max: ratePerMinute,
          timeWindow: 60_000,
          // After requireDevice: the limit is per tablet, keyed by its token's hash.
          hook: 'preHandler',
          keyGenerator: (request) => deviceOf(request).tokenHash,
          errorResponseBuilder: (request, context) =>
            new ApiError(
              429,
              `The tablet "${deviceOf(request).name}" sent more than ${context.max} help calls in a minute, ` +
                `so the server takes no more from it for ${waitingTime(context.ttl)}. ` +
                'If this keeps happening, check the tablet: something may be pressing the button.',
            ),
        },
      },
    },
    async (request, reply) => {
      const id = callIdOf(request);
      const body = parseRequestPart(HelpCallRequest, request.body, 'help call');
      const { created, call } = receiveHelpCall(db, bus, {
        id,
        device: deviceOf(request),
        request: body,
      });
      return reply.code(created ? 201 : 200).send(forTablet(call));
    },
  );

  // Without an id the tablet could not send the same call again safely: say so, not "no such API".
  for (const path of ['/api/help-calls', '/api/help-calls/']) {
    app.put(path, () => {
      throw new ApiError(400, MISSING_CALL_ID);
    });
  }

  app.get(HELP_CALLS_API.read.path, { preHandler: tablet }, async (request, reply) => {
    const id = callIdOf(request);
    const stored = findHelpCall(db, id);
    // Another tablet's call gets the same answer as no call at all.
    if (!stored || stored.call.deviceId !== deviceOf(request).id) {
      throw new ApiError(404, `There is no help call with id ${id}.`);
    }
    reply.header('cache-control', 'no-store');
    return forTablet(stored.call);
  });

  app.post(HELP_CALLS_API.cancel.path, { preHandler: tablet }, (request) => {
    const callId = callIdOf(request);
    return forTablet(cancelHelpCall(db, bus, { callId, deviceId: deviceOf(request).id }));
  });
}
