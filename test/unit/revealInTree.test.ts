import * as assert from 'assert';
import type * as RevealModule from '../../src/vscode/tree/revealInTree';
import type { RestoreSessionTreeNode } from '../../src/vscode/tree/restoreSessionTreeProvider';
import { createVscodeStandIn, installVscodeStandIn } from '../bench/vscodeStandIn';

type Listener = (value: unknown) => void;

/** A render event the test fires by hand, counting who listens. */
class Renders {
  private listeners: Listener[] = [];
  readonly event = (listener: Listener): { dispose(): void } => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  get listening(): number {
    return this.listeners.length;
  }
  fire(): void {
    for (const listener of [...this.listeners]) listener(undefined);
  }
}

/**
 * A tree view like VS Code's: `reveal` answers before the selection it reports is read, and a reveal that arrives
 * while VS Code applies another refresh of the same rows is lost (nothing selected) or rejected.
 */
function treeView(outcomes: Array<'selects' | 'lost' | 'rejects'>): { view: unknown; reveals: () => number } {
  let reveals = 0;
  let selection: RestoreSessionTreeNode[] = [];
  const view = {
    visible: true,
    get selection() {
      return selection;
    },
    reveal: async (node: RestoreSessionTreeNode) => {
      const outcome = outcomes[reveals++] ?? 'lost';
      if (outcome === 'rejects') throw new Error('Data tree node not found');
      if (outcome === 'selects') selection = [node];
    },
  };
  return { view, reveals: () => reveals };
}

describe('revealInTree: a reveal lost to a concurrent refresh is tried again after the next render', () => {
  let reveal: typeof RevealModule.revealInTree;
  const node = { id: 'server-1/session-21' } as RestoreSessionTreeNode;

  before(() => {
    installVscodeStandIn(createVscodeStandIn());
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    reveal = (require('../../src/vscode/tree/revealInTree') as typeof RevealModule).revealInTree;
  });

  /** Until the reveal waits for a render; fails when it ended instead. */
  async function untilListening(renders: Renders, done: Promise<void>): Promise<void> {
    let ended = false;
    void done.then(() => (ended = true));
    while (renders.listening === 0) {
      if (ended) assert.fail('the reveal ended instead of waiting for the next render');
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  it('stops after the first reveal that selects the row', async () => {
    const { view, reveals } = treeView(['selects']);
    await reveal(view as never, node, { rendered: new Renders().event });
    assert.strictEqual(reveals(), 1);
  });

  it('a lost reveal and a rejected one are each retried once the tree renders again', async () => {
    const renders = new Renders();
    const { view, reveals } = treeView(['lost', 'rejects', 'selects']);
    const done = reveal(view as never, node, { rendered: renders.event });
    await untilListening(renders, done);
    assert.strictEqual(reveals(), 1, 'retried before the tree rendered again');
    renders.fire();
    await untilListening(renders, done);
    assert.strictEqual(reveals(), 2);
    renders.fire();
    await done;
    assert.strictEqual(reveals(), 3);
    assert.strictEqual(renders.listening, 0, 'a render listener was left behind');
  });

  it('gives up after three attempts, quietly', async () => {
    const renders = new Renders();
    const { view, reveals } = treeView(['lost', 'lost', 'lost', 'selects']);
    const done = reveal(view as never, node, { rendered: renders.event });
    for (let i = 0; i < 2; i++) {
      await untilListening(renders, done);
      renders.fire();
    }
    await done;
    assert.strictEqual(reveals(), 3);
  });
});
