package org.movedesk.core.common;

/** A merge of two prisoner records touching a patient; like the centre, left for a person to resolve. */
public class MergeNotImplementedException extends MoveDeskException {
    public MergeNotImplementedException(String message) {
        super("MERGE_NOT_IMPLEMENTED", message);
    }
}
