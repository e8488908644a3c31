package dev.daalu.indexer.rank;

/**
 * Every multiplier the repo map's ranking uses, by name. An edge from a file to the file defining an
 * identifier it references weighs {@code sqrt(references)} (a member reference counting
 * {@code memberReferenceFactor} of one) times the identifier's multipliers below;
 * PageRank runs over those edges, and each file's rank then flows along its edges to the definitions.
 *
 * @param damping PageRank damping: the chance of following an edge rather than jumping
 * @param iterations most PageRank iterations
 * @param tolerance PageRank stops when ranks move less than this per file on average (L1 change below
 *     {@code tolerance * files}, as networkx's pagerank, which aider uses, does)
 * @param focusShare the part of PageRank's jumps that land on focused files (the rest spread evenly)
 * @param focusNeighbourShare the part of {@code focusShare} that goes to the files referencing a focused
 *     file instead (rank flows from referencing to defining files, so without this the files that use the
 *     focus would not rise with it)
 * @param focusIdentifierBoost edges of an identifier the request names
 * @param memberReferenceFactor a reference of kind {@code member} ({@code obj.join()}: a method of an
 *     unknown receiver, perhaps not the repository's) counts this much of a plain reference
 * @param libraryMemberFactor a member reference to a name every standard library has ({@code s.length()},
 *     {@code m.get(k)}, {@code xs.append(x)}) counts this much more: it is almost always the library's method,
 *     so the one class of the repository that also defines {@code length} must not collect every such call
 * @param privateNameFactor identifiers starting with '_' (private by convention)
 * @param meaningfulNameBoost identifiers of {@link #meaningfulNameLength} or more characters in
 *     snake_case, camelCase or kebab-case (specific, so a reference to one means something)
 * @param meaningfulNameLength see {@code meaningfulNameBoost}
 * @param commonNameDefiners an identifier defined in more files than this is common ({@code init}, {@code name})
 * @param commonNameFactor edges of a common identifier
 * @param maxDefiners an identifier defined in more files than this links only to definitions in the
 *     referencing file's own directory (and not at all if there are none): its other links say nothing
 * @param otherDirectoryFactor links to definitions in other directories when the referencing file's
 *     directory defines the identifier too (Terraform modules, Go packages, Helm charts resolve locally)
 * @param testFileFactor rank of test files (they are seldom what a change needs to know about)
 * @param unreferencedDefinitionShare the part of its file's rank a definition nobody references gets,
 *     split among the file's definitions, so a file's own definitions still show in order
 */
public record RankWeights(
        double damping,
        int iterations,
        double tolerance,
        double focusShare,
        double focusNeighbourShare,
        double focusIdentifierBoost,
        double memberReferenceFactor,
        double libraryMemberFactor,
        double privateNameFactor,
        double meaningfulNameBoost,
        int meaningfulNameLength,
        int commonNameDefiners,
        double commonNameFactor,
        int maxDefiners,
        double otherDirectoryFactor,
        double testFileFactor,
        double unreferencedDefinitionShare) {

    public RankWeights {
        if (damping <= 0 || damping >= 1) {
            throw new IllegalArgumentException("damping must be between 0 and 1 (exclusive)");
        }
        if (iterations < 1 || tolerance <= 0 || maxDefiners < 1) {
            throw new IllegalArgumentException("iterations, tolerance and maxDefiners must be positive");
        }
        if (focusShare < 0 || focusShare > 1 || focusNeighbourShare < 0 || focusNeighbourShare > 1) {
            throw new IllegalArgumentException("focusShare and focusNeighbourShare must be within [0, 1]");
        }
    }

    /** The weights the map uses unless told otherwise (aider's repo map, tuned for infrastructure repos). */
    public static RankWeights defaults() {
        return new RankWeights(0.85, 50, 1e-6, 0.9, 0.3, 10, 0.3, 0.05, 0.1, 10, 8, 5, 0.1, 32, 0.25, 0.3, 0.05);
    }
}
