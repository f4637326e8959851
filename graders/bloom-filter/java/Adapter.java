// bloom-filter: the tests' BloomFilter(capacity, error_rate) with add, `in`, num_bits and num_hashes, on the Java
// API of API.md.
import drillkit.*;

final class Adapter implements Exercise {
    @Override
    public void register(Contract m) {
        m.cls("BloomFilter(capacity, error_rate)", BloomFilter.class, a -> new BloomFilter(a.i32(0), a.f64(1)))
                .method("add(item)", (f, a) -> {
                    f.add(a.str(0));
                    return null;
                })
                .method("__contains__(item)", (f, a) -> f.mightContain(a.str(0)))
                .property("num_bits", f -> f.numBits())
                .property("num_hashes", f -> f.numHashes());
    }
}
