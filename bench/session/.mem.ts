import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readSessionFile } from '../../src/core/history/readSessionFile';
import { SessionAccumulator } from '../../src/core/history/sessionAccumulator';
import { SessionCostModel } from '../../src/core/history/sessionCostModel';
import { CACHING, fakeEstimate } from '../../test/unit/history/sessionTestKit';
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed / 1048576; };
(async () => {
  const h0 = heap();
  const session = new SessionAccumulator({ countTokens: (t) => Math.ceil(t.length / 4) });
  await readSessionFile(process.argv[2], session);
  const h1 = heap();
  const a = new SessionCostModel({ estimate: fakeEstimate, caching: CACHING }).analyse(session);
  const h2 = heap();
  console.log({ messages: session.messages.length, turns: a.turns.length, session: (h1 - h0).toFixed(1), analysis: (h2 - h1).toFixed(1), pastes: session.pastes.size, outputs: session.toolOutputs.length, facts: session.constraints.size + session.decisions.size });
})();
