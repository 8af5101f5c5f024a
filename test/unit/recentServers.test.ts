import * as assert from 'assert';
import { RecentServers } from '../../src/vscode/lookup/recentServers';

describe('recently used servers', () => {
  it('moves a touched id to the front without duplicates and caps the list', () => {
    let mru = new RecentServers([], 3);
    for (const id of ['a', 'b', 'c', 'a', 'd']) mru = mru.touch(id);
    assert.deepStrictEqual(mru.ids, ['d', 'a', 'c']);
  });

  it('orders items by recency and keeps the rest in their order', () => {
    const mru = new RecentServers(['c', 'a']);
    const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    assert.deepStrictEqual(mru.order(items, (x) => x.id).map((x) => x.id), ['c', 'a', 'b', 'd']);
  });

  it('drops removed servers and ignores junk from storage', () => {
    assert.deepStrictEqual(RecentServers.fromStored(['a', 3, null, 'b']).retain(['b']).ids, ['b']);
    assert.deepStrictEqual(RecentServers.fromStored('nope').ids, []);
  });
});
