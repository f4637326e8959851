// lru-cache: the tests' LRUCache(capacity) — get(key, default), put, len() and `in` — on the Java API of API.md.
import drillkit.*;

final class Adapter implements Exercise {
    @Override
    public void register(Contract m) {
        m.cls("LRUCache(capacity)", LRUCache.class, a -> new LRUCache<>(a.i32(0)))
                .method("get(key, default=None)", (c, a) -> Py.orElse(c.get(a.boxed(0)), a.get(1)))
                .method("put(key, value)", (c, a) -> {
                    c.put(a.boxed(0), a.boxed(1));
                    return null;
                })
                .method("__len__()", (c, a) -> c.size())
                .method("__contains__(key)", (c, a) -> c.containsKey(a.boxed(0)));
    }
}
