package dev.dece.core.drl;

/**
 * The data-transfer charges of one FOCUS resource and region in the month: rows whose ServiceCategory is Networking or
 * whose ChargeDescription names a transfer. Cross-region when the description names a transfer between regions
 * (inter-region, cross-region, region to region, between regions) or a destination region tag differs from RegionId.
 */
public record DataTransfer(Node node, String resource, String region, String pipeline, double usd, long charges, boolean crossRegion,
                           String description) implements Located {
    @Override
    public String subject() {
        return "transfer:" + resource;
    }
}
