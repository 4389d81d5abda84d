package dev.dece.core.drl;


/**
 * The comparison as a whole: both contract headers, for the version, policy and consumer rules.
 *
 * @param changes number of {@link SchemaChange} facts
 */
public record ChangeSet(Node node, Contract oldContract, Contract newContract, int changes) implements Located {

    /** The new contract's major version is above the old one's (false when either is not semantic). */
    public boolean majorBumped() {
        return oldContract.major() >= 0 && newContract.major() > oldContract.major();
    }
}
