package org.movedesk.sandbox.seed;

import org.movedesk.sandbox.locations.Location;

import java.util.List;

/**
 * The fixed reference locations: prisons with their NOMIS agency ids, courts, hospitals (including the
 * three high-security hospitals), approved premises and police custody suites. Ids and keys are derived
 * from the seed, the list itself is the same for every seed.
 */
final class SeedLocations {

    /** agency id, title, type, city, postcode, young offender institution. */
    record Row(String agencyId, String title, String type, String city, String postcode, boolean yoi) {
    }

    static final List<Row> ROWS = List.of(
            // prisons (real NOMIS agency ids)
            new Row("MDI", "HMP Moorland", Location.PRISON, "Doncaster", "DN7 6BW", false),
            new Row("LEI", "HMP Leeds", Location.PRISON, "Leeds", "LS12 2TJ", false),
            new Row("WWI", "HMP Wandsworth", Location.PRISON, "London", "SW18 3HU", false),
            new Row("BMI", "HMP Birmingham", Location.PRISON, "Birmingham", "B18 4AS", false),
            new Row("BXI", "HMP Brixton", Location.PRISON, "London", "SW2 5XF", false),
            new Row("PVI", "HMP Pentonville", Location.PRISON, "London", "N7 8TT", false),
            new Row("LPI", "HMP Liverpool", Location.PRISON, "Liverpool", "L9 3DF", false),
            new Row("MRI", "HMP Manchester", Location.PRISON, "Manchester", "M60 9AH", false),
            new Row("NMI", "HMP Nottingham", Location.PRISON, "Nottingham", "NG5 3AG", false),
            new Row("WLI", "HMP Wayland", Location.PRISON, "Thetford", "IP25 6RL", false),
            new Row("DMI", "HMP Durham", Location.PRISON, "Durham", "DH1 3HU", false),
            new Row("HLI", "HMP Hull", Location.PRISON, "Hull", "HU9 5LS", false),
            new Row("EXI", "HMP Exeter", Location.PRISON, "Exeter", "EX4 4EX", false),
            new Row("BLI", "HMP Bristol", Location.PRISON, "Bristol", "BS7 8PS", false),
            new Row("CFI", "HMP Cardiff", Location.PRISON, "Cardiff", "CF24 0UG", false),
            new Row("SWI", "HMP Swansea", Location.PRISON, "Swansea", "SA1 3SR", false),
            new Row("WDI", "HMP Wakefield", Location.PRISON, "Wakefield", "WF2 9AG", false),
            new Row("FSI", "HMP Full Sutton", Location.PRISON, "York", "YO41 1PS", false),
            new Row("LNI", "HMP Low Newton", Location.PRISON, "Durham", "DH1 5YA", false),
            new Row("BAI", "HMP Belmarsh", Location.PRISON, "London", "SE28 0EB", false),
            new Row("WMI", "HMP Wymott", Location.PRISON, "Leyland", "PR26 8LW", false),
            new Row("FMI", "HMP Feltham", Location.PRISON, "Feltham", "TW13 4ND", true),
            new Row("AYI", "HMP Aylesbury", Location.PRISON, "Aylesbury", "HP20 1EH", true),
            new Row("HOI", "HMP High Down", Location.PRISON, "Sutton", "SM2 5PJ", false),
            // courts
            new Row("LEEDCC", "Leeds Crown Court", Location.COURT, "Leeds", "LS1 3BG", false),
            new Row("LEEDMC", "Leeds Magistrates Court", Location.COURT, "Leeds", "LS1 3JP", false),
            new Row("SHEFCC", "Sheffield Crown Court", Location.COURT, "Sheffield", "S3 7ES", false),
            new Row("MNCHCC", "Manchester Crown Court", Location.COURT, "Manchester", "M3 3FL", false),
            new Row("LIVPCC", "Liverpool Crown Court", Location.COURT, "Liverpool", "L2 1XA", false),
            new Row("BRMGCC", "Birmingham Crown Court", Location.COURT, "Birmingham", "B4 7NA", false),
            new Row("OLDBCC", "Central Criminal Court", Location.COURT, "London", "EC4M 7EH", false),
            new Row("SNRBCC", "Snaresbrook Crown Court", Location.COURT, "London", "E11 1QW", false),
            new Row("WSTMMC", "Westminster Magistrates Court", Location.COURT, "London", "W1H 5LB", false),
            new Row("BRSTCC", "Bristol Crown Court", Location.COURT, "Bristol", "BS1 2AR", false),
            new Row("CRDFCC", "Cardiff Crown Court", Location.COURT, "Cardiff", "CF10 3PG", false),
            new Row("NOTTCC", "Nottingham Crown Court", Location.COURT, "Nottingham", "NG1 7EL", false),
            new Row("DRHMCC", "Durham Crown Court", Location.COURT, "Durham", "DH1 3RW", false),
            new Row("EXTRCC", "Exeter Crown Court", Location.COURT, "Exeter", "EX4 3TH", false),
            // hospitals
            new Row("RAMPTN", "Rampton Hospital", Location.HIGH_SECURITY_HOSPITAL, "Retford", "DN22 0PD", false),
            new Row("BROADM", "Broadmoor Hospital", Location.HIGH_SECURITY_HOSPITAL, "Crowthorne", "RG45 7EG", false),
            new Row("ASHWRT", "Ashworth Hospital", Location.HIGH_SECURITY_HOSPITAL, "Liverpool", "L31 1HW", false),
            new Row("HAZLWD", "Hazelwood House Secure Unit", Location.HOSPITAL, "Leeds", "LS15 8ZB", false),
            new Row("REASID", "Reaside Clinic", Location.HOSPITAL, "Birmingham", "B45 9BE", false),
            new Row("DENISM", "Denis Hill Unit", Location.HOSPITAL, "London", "SE5 8AZ", false),
            new Row("ARNLDL", "Arnold Lodge", Location.HOSPITAL, "Leicester", "LE5 0LE", false),
            new Row("WSTWDH", "Wathwood Hospital", Location.HOSPITAL, "Rotherham", "S63 7EQ", false),
            new Row("GUILDM", "Guild Lodge", Location.HOSPITAL, "Preston", "PR3 2AZ", false),
            new Row("FROMHS", "Fromeside Clinic", Location.HOSPITAL, "Bristol", "BS16 1ED", false),
            // approved premises
            new Row("APASHL", "Ashley House Approved Premises", Location.APPROVED_PREMISES, "Leeds", "LS6 2QP", false),
            new Row("APBRDM", "Bridge House Approved Premises", Location.APPROVED_PREMISES, "Manchester", "M14 5RA", false),
            new Row("APCLRN", "Clarendon House Approved Premises", Location.APPROVED_PREMISES, "Bristol", "BS6 6QT", false),
            new Row("APELMS", "The Elms Approved Premises", Location.APPROVED_PREMISES, "Birmingham", "B13 8EH", false),
            new Row("APWLLW", "Willow House Approved Premises", Location.APPROVED_PREMISES, "London", "SE15 4BT", false),
            new Row("APHGHF", "Highfield Approved Premises", Location.APPROVED_PREMISES, "Nottingham", "NG7 2HS", false),
            // police custody suites
            new Row("WYI001", "Elland Road Police Station", Location.POLICE, "Leeds", "LS11 8BU", false),
            new Row("GMP002", "Longsight Police Station", Location.POLICE, "Manchester", "M13 0WF", false),
            new Row("MPS014", "Charing Cross Police Station", Location.POLICE, "London", "WC2N 4JP", false),
            new Row("WMP007", "Perry Barr Police Station", Location.POLICE, "Birmingham", "B42 2PH", false),
            new Row("ASP003", "Patchway Police Centre", Location.POLICE, "Bristol", "BS34 5DA", false),
            new Row("MPY005", "St Anne Street Police Station", Location.POLICE, "Liverpool", "L3 3HJ", false));

    private SeedLocations() {
    }
}
