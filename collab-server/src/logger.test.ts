import { Writable } from 'node:stream';
import pino from 'pino';
import { silentLogger, toCollabLogger } from './logger';

describe('collab logger', () => {
  it('writes through a pino logger as JSON lines with the message and the fields', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = toCollabLogger(pino({ base: undefined, timestamp: false }, sink));
    logger.warn('store degraded', { documentId: 'd1', error: 'down' });
    logger.info('evicted document', { documentId: 'd2' });
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { level: 40, msg: 'store degraded', documentId: 'd1', error: 'down' },
      { level: 30, msg: 'evicted document', documentId: 'd2' },
    ]);
  });

  it('passes a CollabLogger through and is silent without one', () => {
    const own = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
    expect(toCollabLogger(own)).toBe(own);
    expect(toCollabLogger(undefined)).toBe(silentLogger);
  });
});
