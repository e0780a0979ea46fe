/**
 * The staff screen's live feed of a branch's help calls, as Server-Sent
 * Events. A stream resumes where the client left off (Last-Event-ID, sent
 * by EventSource on reconnect, or ?after= on the first connect) with no
 * event missed and none sent twice.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  HELP_CALL_HEARTBEAT_EVENT,
  HELP_CALL_RESYNC_EVENT,
  HELP_CALLS_API,
  type HelpCallResync,
} from '../../shared/api/help-calls.ts';
import { currentStaff, requireStaff } from '../accounts/require-staff.ts';
import type { Database } from '../database/open-database.ts';
import { parseRequestPart } from '../http/problems.ts';
import { helpCallFrame, type HelpCallBus, type HelpCallFrame } from './help-call-bus.ts';
import { latestEventId, readEventsAfter } from './help-call-records.ts';
import { branchOf } from './staff-help-call-routes.ts';

/** More to replay than this, and the client is told to reload the list instead. */
export const MAX_REPLAY = 1000;
/** A client that lets this much pile up unread is dropped; it reconnects and resumes. */
const MAX_UNSENT_BYTES = 1024 * 1024;

// A named event, not a comment, so the page sees it; no `id:`, so Last-Event-ID is kept.
const HEARTBEAT_FRAME = `event: ${HELP_CALL_HEARTBEAT_EVENT}\ndata: {}\n\n`;

const EventId = z
  .string()
  .regex(/^\d{1,15}$/, 'Use an event id, e.g. 42.')
  .transform(Number);
const StreamQuery = z.object({ after: EventId.optional() });

/** Where to resume: Last-Event-ID wins (it is newer than the page's ?after=). */
function resumeAfter(request: FastifyRequest): number | undefined {
  const lastEventId = request.headers['last-event-id'];
  if (typeof lastEventId === 'string' && lastEventId.trim() !== '') {
    return parseRequestPart(EventId, lastEventId.trim(), 'Last-Event-ID header');
  }
  return parseRequestPart(StreamQuery, request.query, 'query').after;
}

function resyncFrame(lastEventId: number): string {
  const data: HelpCallResync = { lastEventId };
  return `id: ${lastEventId}\nevent: ${HELP_CALL_RESYNC_EVENT}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function registerHelpCallStream(
  app: FastifyInstance,
  { db, bus, heartbeatMs }: { db: Database; bus: HelpCallBus; heartbeatMs: number },
): void {
  const openStreams = new Set<() => void>();
  // Open streams would keep the server from closing: end them first; clients reconnect.
  app.addHook('preClose', (done) => {
    for (const close of [...openStreams]) close();
    done();
  });

  app.get(
    HELP_CALLS_API.branchEvents.path,
    { preHandler: requireStaff(db, 'staff'), exposeHeadRoute: false },
    (request, reply) => {
      const branch = branchOf(db, request.params);
      const after = resumeAfter(request);
      const raw = reply.raw;

      // From here on the stream is written by hand; keep the headers already set (security headers).
      reply.hijack();
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) raw.setHeader(name, value);
      }
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        // nginx would otherwise buffer the stream and deliver events late.
        'x-accel-buffering': 'no',
      });

      let closed = false;
      let lastSentId = 0;
      const write = (text: string) => {
        if (closed) return;
        raw.write(text);
        if (raw.writableLength > MAX_UNSENT_BYTES) close();
      };
      const send = (frame: HelpCallFrame) => {
        if (frame.id <= lastSentId) return;
        write(frame.text);
        lastSentId = frame.id;
      };

      // Subscribe before reading the backlog, and hold live events until it is sent:
      // an event committed in between is then neither lost nor sent twice.
      let held: HelpCallFrame[] | undefined = [];
      const unsubscribe = bus.subscribe(branch.id, (frame) => {
        if (held) held.push(frame);
        else send(frame);
      });
      const heartbeat = setInterval(() => {
        // A stream lives no longer than its session: logging out elsewhere ends it.
        if (!currentStaff(db, request)) close();
        else write(HEARTBEAT_FRAME);
      }, heartbeatMs);
      function close() {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        openStreams.delete(close);
        if (!raw.writableEnded) raw.end();
      }
      openStreams.add(close);
      raw.on('close', close);

      try {
        write('retry: 2000\n\n');
        lastSentId = after ?? latestEventId(db, branch.id);
        const backlog = readEventsAfter(db, branch.id, lastSentId, MAX_REPLAY + 1);
        if (backlog.length > MAX_REPLAY) {
          lastSentId = latestEventId(db, branch.id);
          write(resyncFrame(lastSentId));
        } else {
          for (const event of backlog) send(helpCallFrame(event.id, event.type, event.call));
        }
        const live = held;
        held = undefined;
        live.forEach(send);
      } catch (error) {
        // After hijack() Fastify's error handler cannot answer: log it, and let the client reconnect.
        request.log.error({ err: error }, 'The help call stream failed');
        close();
      }
    },
  );
}
