package dev.recoup.demo;

import dev.recoup.demo.Regions.Region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Draws a customer with their contacts and loan accounts. */
final class CustomerFactory {

    record Contact(String role, String name, String phone, String email, String address, boolean valid, String source) {
    }

    record Customer(String name, String idNumber, LocalDate birthDate, boolean male, String occupation, String employer,
                    Region region, String address, List<Contact> contacts, List<Account> accounts) {
    }

    /** Mostly online consumer loans and cards; fewer, much larger, business and secured loans. */
    private static final Weighted<Product> PRODUCTS = Weighted.of(
            Product.CONSUMER_LOAN, 52, Product.CREDIT_CARD, 30, Product.SME_LOAN, 10, Product.SECURED_LOAN, 8);
    /** Most borrowers have one account; some two or three. */
    private static final Weighted<Integer> ACCOUNTS_PER_CUSTOMER = Weighted.of(1, 75, 2, 18, 3, 7);
    private static final Weighted<String> OTHER_ROLES = Weighted.of("relative", 35, "colleague", 25, "emergency", 30, "other", 10);
    private static final Weighted<String> OTHER_SOURCES = Weighted.of("application", 75, "customer_call", 10, "lender_crm", 10, "skip_trace", 5);

    /** Share of accounts opened in the last two months; not in the Taiwan data, a design choice. */
    static final double RECENT_NEW_SHARE = 0.05;
    /**
     * Chance that a customer's second or third account behaves like the first: people who stop
     * paying one loan usually stop paying the others. Copying keeps each account's behaviour
     * distributed as calibrated.
     */
    private static final double SAME_BEHAVIOUR = 0.5;

    private final Calibration calibration;
    private final LocalDate asOf;
    private final AccountFactory accounts;
    private final IssuedIdNumbers issued = new IssuedIdNumbers();

    CustomerFactory(Calibration calibration, LocalDate asOf) {
        this.calibration = calibration;
        this.asOf = asOf;
        this.accounts = new AccountFactory(calibration, asOf);
    }

    static int accountCount(DemoRandom random) {
        return ACCOUNTS_PER_CUSTOMER.draw(random);
    }

    Customer create(DemoRandom random, int accountCount) {
        Product[] products = new Product[accountCount];
        boolean businessOwner = false;
        for (int i = 0; i < accountCount; i++) {
            products[i] = PRODUCTS.draw(random);
            businessOwner |= products[i] == Product.SME_LOAN;
        }
        boolean male = random.chance(0.56);
        int age = 22 + (int) (38 * StrictMath.pow(random.nextDouble(), 1.6));
        LocalDate birthDate = asOf.minusYears(age).minusDays(random.nextInt(365));
        Region region = Regions.ALL.draw(random);
        String idNumber;
        while ((idNumber = idNumber(random, region, birthDate, male)) == null) {
            birthDate = birthDate.minusDays(1);
        }
        String surname = People.surname(random);
        String name = surname + People.givenName(random, male);
        String[] work = People.occupationAndEmployer(random, region, surname, businessOwner);
        String address = People.address(random, region);

        List<Contact> contacts = contacts(random, name, surname, male, age, region, address);
        List<Account> loans = new ArrayList<>(accountCount);
        Behaviour first = behaviour(random);
        for (int i = 0; i < accountCount; i++) {
            Behaviour behaviour = i == 0 || random.chance(SAME_BEHAVIOUR) ? first : behaviour(random);
            loans.add(accounts.create(random, products[i], behaviour, region));
        }
        return new Customer(name, idNumber, birthDate, male, work[0], work[1], region, address, contacts, loans);
    }

    private Behaviour behaviour(DemoRandom random) {
        return random.chance(RECENT_NEW_SHARE) ? Behaviour.RECENT_NEW : calibration.behaviour.draw(random);
    }

    /**
     * An ID number with an odd sequence number for a man, even for a woman, not issued before;
     * null in the practically impossible case that 100 draws all hit issued numbers.
     */
    private String idNumber(DemoRandom random, Region region, LocalDate birthDate, boolean male) {
        for (int attempt = 0; attempt < 100; attempt++) {
            String id = IdNumbers.of(region.code(), birthDate, 2 * random.between(0, 498) + (male ? 1 : 2));
            if (issued.add(id)) {
                return id;
            }
        }
        return null;
    }

    /** The customer's own number, then one to three people: spouse or family first, then others. */
    private static List<Contact> contacts(DemoRandom random, String name, String surname, boolean male, int age,
                                          Region region, String address) {
        List<Contact> contacts = new ArrayList<>(4);
        contacts.add(new Contact("self", name, People.mobile(random), random.chance(0.6) ? People.email(random) : "",
                address, !random.chance(0.03), "application"));
        double married = age >= 30 ? 0.75 : age >= 25 ? 0.45 : 0.15;
        int others = random.between(1, 3);
        for (int i = 0; i < others; i++) {
            String role = i == 0 ? (random.chance(married) ? "spouse" : "relative") : OTHER_ROLES.draw(random);
            String contactName;
            String contactAddress = "";
            switch (role) {
                case "spouse" -> {
                    contactName = People.fullName(random, !male);
                    contactAddress = address;
                }
                case "relative" -> {
                    boolean relativeMale = random.chance(0.5);
                    contactName = (random.chance(0.7) ? surname : People.surname(random)) + People.givenName(random, relativeMale);
                    contactAddress = random.chance(0.4) ? People.address(random, region) : "";
                }
                default -> contactName = People.fullName(random, random.chance(0.5));
            }
            contacts.add(new Contact(role, contactName, People.mobile(random), random.chance(0.05) ? People.email(random) : "",
                    contactAddress, !random.chance(0.08), OTHER_SOURCES.draw(random)));
        }
        return contacts;
    }
}
