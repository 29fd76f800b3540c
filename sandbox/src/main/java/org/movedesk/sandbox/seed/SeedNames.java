package org.movedesk.sandbox.seed;

import java.util.List;

/** Plain British first and last names; combined at random they give thousands of believable people. */
final class SeedNames {

    static final List<String> FIRST = List.of("James", "John", "Robert", "Michael", "David", "Richard", "Thomas",
            "Daniel", "Paul", "Mark", "Steven", "Andrew", "Kevin", "Brian", "George", "Edward", "Ryan", "Jacob",
            "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Liam", "Connor", "Callum", "Kyle", "Jamie", "Lewis",
            "Aaron", "Dean", "Wayne", "Craig", "Darren", "Lee", "Scott", "Shaun", "Carl", "Adam", "Luke", "Mohammed",
            "Ali", "Tariq", "Imran", "Kwame", "Tyrone", "Marcus", "Reece", "Jordan", "Sarah", "Emma", "Laura",
            "Rebecca", "Amy", "Jessica", "Hannah", "Chloe", "Megan", "Gemma", "Kelly", "Leanne", "Stacey", "Nicola");

    static final List<String> MIDDLE = List.of("Alan", "John", "Lee", "James", "Paul", "Michael", "Anthony",
            "Peter", "David", "Louise", "Marie", "Jane");

    static final List<String> LAST = List.of("Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans",
            "Wilson", "Thomas", "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards",
            "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin",
            "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison", "Morgan",
            "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett", "Young",
            "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw",
            "Murphy", "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams",
            "Singh", "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray", "Mason", "Ali",
            "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes", "Knight",
            "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey",
            "Okafor", "Mensah", "Nowak", "Kowalski", "O'Brien", "McDonald", "Fraser");

    private SeedNames() {
    }
}
