package dev.dece.core.drl;

import java.util.Locale;
import java.util.regex.Pattern;

/** Phase 6 "Identify": column names that suggest PII (name, email, phone, SSN, DOB, address, IP). */
public final class Pii {
    private Pii() {}

    private static final Pattern PII = Pattern.compile(
            "(^|_)(e_?mail|email_address|phone|phone_number|mobile|ssn|social_security(_number)?|national_id|passport(_number)?"
                    + "|dob|date_of_birth|birth_?date|birthday|address|street|street_address|postcode|zip_?code|ip|ip_address"
                    + "|first_name|last_name|full_name|surname|given_name|customer_name|card_number|credit_card|iban|tax_id)($|_)");

    /** True when {@code column} is named like a PII field. */
    public static boolean looksLike(String column) {
        return column != null && PII.matcher(column.toLowerCase(Locale.ROOT)).find();
    }
}
