import WebSocket from 'ws';

/** What a websocket conversation ended with. */
export interface WebSocketResult {
  /** HTTP status of a refused upgrade (e.g. 400, 500), 101 when it was accepted, 0 when none. */
  upgradeStatus: number;
  /** Close code the server sent, if any. */
  closeCode: number | null;
  messages: number;
  /** Whether some step did not finish within its timeout. */
  timedOut: boolean;
  /** Text messages received (for GraphQL error checks), at most a few. */
  texts: string[];
  error: string | null;
}

/** What to do once the socket is open. */
export interface Conversation {
  /** Sent right after the upgrade, before the server's first message arrived. */
  early: (socket: WebSocket) => void;
  /** Sent after the server's first message (or right away when `waitForFirstMessage` is false). */
  late: (socket: WebSocket) => void;
  /** Wait for the server's first message (e.g. sync step 1) before `late`. */
  waitForFirstMessage: boolean;
  /**
   * Called for every message after `late`; returning true ends the conversation (used to wait for
   * the answer to a ping). When absent, the conversation ends right after `late`.
   */
  done?: (data: WebSocket.RawData, isBinary: boolean) => boolean;
}

/**
 * Opens a websocket, runs the conversation and closes it normally, waiting on events (open,
 * first message, the expected answer, close) with `timeoutMs` for each step. Never throws.
 */
export function converse(
  url: string,
  options: { protocols?: string[]; headers?: Record<string, string>; maxPayload?: number },
  conversation: Conversation,
  timeoutMs: number,
): Promise<WebSocketResult> {
  return new Promise((resolve) => {
    const result: WebSocketResult = {
      upgradeStatus: 0,
      closeCode: null,
      messages: 0,
      timedOut: false,
      texts: [],
      error: null,
    };
    let socket: WebSocket;
    try {
      socket = new WebSocket(url, options.protocols ?? [], {
        headers: options.headers,
        maxPayload: options.maxPayload ?? 100 * 1024 * 1024,
        handshakeTimeout: timeoutMs,
        perMessageDeflate: false,
      });
    } catch (error) {
      result.error = error instanceof Error ? error.message : String(error);
      resolve(result);
      return;
    }
    let phase: 'connecting' | 'waiting-first' | 'waiting-answer' | 'closing' | 'done' =
      'connecting';
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      if (phase === 'done') return;
      phase = 'done';
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.terminate();
      resolve(result);
    };
    const step = (next: typeof phase) => {
      phase = next;
      clearTimeout(timer);
      timer = setTimeout(() => {
        result.timedOut = true;
        finish();
      }, timeoutMs);
    };
    const close = () => {
      step('closing');
      try {
        socket.close(1000);
      } catch {
        finish();
      }
    };
    const runLate = () => {
      try {
        conversation.late(socket);
      } catch (error) {
        result.error = error instanceof Error ? error.message : String(error);
      }
      if (conversation.done) step('waiting-answer');
      else close();
    };
    step('connecting');
    socket.on('unexpected-response', (_request, response) => {
      result.upgradeStatus = response.statusCode ?? 0;
      response.resume();
      finish();
    });
    socket.on('upgrade', () => {
      result.upgradeStatus = 101;
    });
    socket.on('open', () => {
      try {
        conversation.early(socket);
      } catch (error) {
        result.error = error instanceof Error ? error.message : String(error);
      }
      if (conversation.waitForFirstMessage) step('waiting-first');
      else runLate();
    });
    socket.on('message', (data, isBinary) => {
      result.messages += 1;
      if (!isBinary && result.texts.length < 5) result.texts.push(data.toString().slice(0, 2_000));
      if (phase === 'waiting-first') runLate();
      else if (phase === 'waiting-answer' && conversation.done?.(data, isBinary)) close();
    });
    socket.on('close', (code) => {
      result.closeCode = code;
      finish();
    });
    socket.on('error', (error) => {
      result.error = error.message;
      finish();
    });
  });
}
