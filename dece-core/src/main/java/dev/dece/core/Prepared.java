package dev.dece.core;

import dev.dece.core.engine.Command;

import java.util.List;

/**
 * An input already read and bound for one command, to be evaluated later, possibly many times or by an
 * instance with another policy (see {@link Dece#prepare(String, String, String)}). Immutable; holds no
 * policy and no session.
 */
public final class Prepared {
    final Command command;
    final List<String> inputs;
    final List<Object> facts;
    final Command.Bound bound;

    Prepared(Command command, List<String> inputs, List<?> facts, Command.Bound bound) {
        this.command = command;
        this.inputs = List.copyOf(inputs);
        this.facts = List.copyOf(facts);
        this.bound = bound;
    }

    /** The command it was prepared for, e.g. {@code assess}. */
    public String command() {
        return command.name();
    }

    /** The facts the input bound to, in input order (the policy is added when evaluated): the records of {@code dev.dece.core.drl}. */
    public List<Object> facts() {
        return facts;
    }
}
