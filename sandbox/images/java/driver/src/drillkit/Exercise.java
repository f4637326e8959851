package drillkit;

/**
 * An exercise's adapter: a class named {@code Adapter} in the default package (next to the candidate's classes),
 * which registers the Python contract's names on top of the candidate's Java API.
 */
public interface Exercise {
    void register(Contract contract);
}
