using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Tests.Claims;

public class ClaimValidationTests
{
    private static readonly Month November = new(2026, 11);
    private static readonly Guid Provider = Guid.NewGuid();
    private static readonly Guid OtherProvider = Guid.NewGuid();
    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();
    private static readonly Guid WorkerId = Guid.NewGuid();

    private const string AliceId = "450902194505050011";
    private const string BobId = "450902194505050022";
    private const string CarolId = "450902194505050033";
    private const string NobodyId = "450902194505050044";
    private const string NurseId = "450902198001010055";
    private const string BannedId = "450902198001010066";

    private static ClaimCheck Check(params ClaimLineInput[] lines) =>
        ClaimValidation.Check(November,
            new ProviderFacts(Provider, [ServiceMode.Institution, ServiceMode.Home], [], SuspendDuringHospitalStay: true),
            lines, Beneficiary, Item, Worker);

    private static BeneficiaryFacts Beneficiary(string idNumber) => idNumber switch
    {
        AliceId => new BeneficiaryFacts(Alice,
            [new EntitlementFact(Guid.NewGuid(), new DateOnly(2026, 11, 5), null, ServiceMode.Institution, 2, null)],
            [new CarePlanFact(new DateOnly(2026, 11, 1), null, new HashSet<string> { "C01" })],
            [new HospitalStay(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 22))],
            new HashSet<DateOnly> { new(2026, 11, 28) }),
        BobId => new BeneficiaryFacts(Bob,
            [new EntitlementFact(Guid.NewGuid(), new DateOnly(2026, 1, 1), null, ServiceMode.MedicalSpecial, 2, null)], [], [], new HashSet<DateOnly>()),
        CarolId => new BeneficiaryFacts(Guid.NewGuid(),
            [new EntitlementFact(Guid.NewGuid(), new DateOnly(2026, 1, 1), null, ServiceMode.Home, 1, OtherProvider)], [], [], new HashSet<DateOnly>()),
        NobodyId => new BeneficiaryFacts(Guid.NewGuid(), [], [], [], new HashSet<DateOnly>()),
        _ => new BeneficiaryFacts(null, [], [], [], new HashSet<DateOnly>()),
    };

    private static CatalogueItemFact? Item(string code, DateOnly day) => code switch
    {
        "C01" => new CatalogueItemFact("C01", LineCategories.Care, 50m, "nurse", new DateOnly(2026, 1, 1), null),
        "C02" => new CatalogueItemFact("C02", LineCategories.Care, null, null, new DateOnly(2026, 1, 1), null),
        "BED" => new CatalogueItemFact("BED", LineCategories.Bed, null, null, new DateOnly(2026, 1, 1), null),
        "OLD" => new CatalogueItemFact("OLD", LineCategories.Care, null, null, new DateOnly(2020, 1, 1), new DateOnly(2025, 12, 31)) is var old && old.ValidOn(day) ? old : null,
        _ => null,
    };

    private static CareWorkerFact? Worker(string idNumber) => idNumber switch
    {
        NurseId => new CareWorkerFact(WorkerId, NurseId, true, ["nurse"], []),
        BannedId => new CareWorkerFact(Guid.NewGuid(), BannedId, true, ["nurse"], [(new DateOnly(2026, 11, 1), (DateOnly?)null)]),
        _ => null,
    };

    private static ClaimLineInput Line(int no, string person, int day, string item, decimal amount = 40m, string? worker = NurseId) =>
        new(no, person, new DateOnly(2026, 11, 1).AddDays(day - 1), item, 1m, amount, worker);

    [Fact]
    public void A_clean_claim_passes_with_its_lines_checked()
    {
        var check = Check(Line(1, AliceId, 6, "C01"), Line(2, AliceId, 6, "BED", 80m, null));
        Assert.False(check.Refused);
        Assert.Empty(check.Problems);
        Assert.Equal(2, check.Lines.Count);
        Assert.All(check.Lines, l => Assert.Equal(Alice, l.PersonId));
        Assert.Equal(WorkerId, check.Lines[0].CareWorkerId);
        Assert.Equal(LineCategories.Bed, check.Lines[1].Category);
    }

    [Fact]
    public void Every_problem_of_every_line_is_returned_at_once_with_its_line_number()
    {
        var check = Check(
            Line(1, AliceId, 6, "C01"),
            Line(2, AliceId, 6, "C01"),                    // duplicate of line 1
            Line(3, NobodyId, 6, "C02", 10m, null),        // no entitlement
            Line(4, "110101199001011234", 6, "C02", 10m, null), // unknown person
            new(5, AliceId, new DateOnly(2026, 12, 1), "BED", 1m, 10m), // outside the month
            Line(6, AliceId, 7, "XX", 10m, null),          // unknown item
            Line(7, AliceId, 8, "C02", 10m, null),         // care item outside the plan
            Line(8, AliceId, 28, "BED", 10m, null),        // institution care claimed elsewhere that day
            Line(9, AliceId, 9, "C01", 10m, BannedId),     // sanctioned worker
            Line(10, AliceId, 10, "C01", 10m, null),       // qualification required, no worker
            Line(11, BobId, 10, "C02", 10m, null),         // mode not admitted for the provider
            Line(12, CarolId, 10, "C02", 10m, null),       // another provider assigned
            Line(13, AliceId, 11, "C01", 60m),             // above the catalogue price
            Line(14, AliceId, 12, "OLD", 10m, null));      // item no longer valid
        Assert.True(check.Refused);
        var byLine = check.Problems.ToLookup(p => p.LineNo, p => p.Code);
        Assert.Empty(byLine[1]);
        Assert.Contains(ClaimReturnCodes.DuplicateLine, byLine[2]);
        Assert.Contains(ClaimReturnCodes.NoEntitlement, byLine[3]);
        Assert.Contains(ClaimReturnCodes.UnknownPerson, byLine[4]);
        Assert.Contains(ClaimReturnCodes.DayOutsideMonth, byLine[5]);
        Assert.Contains(ClaimReturnCodes.UnknownItem, byLine[6]);
        Assert.Contains(ClaimReturnCodes.OutsideCarePlan, byLine[7]);
        Assert.Contains(ClaimReturnCodes.InstitutionCareClaimedElsewhere, byLine[8]);
        Assert.Contains(ClaimReturnCodes.CareWorkerSanctioned, byLine[9]);
        Assert.Contains(ClaimReturnCodes.CareWorkerUnqualified, byLine[10]);
        Assert.Contains(ClaimReturnCodes.ModeNotAllowed, byLine[11]);
        Assert.Contains(ClaimReturnCodes.OtherProviderAssigned, byLine[12]);
        Assert.Contains(ClaimReturnCodes.AmountAbovePrice, byLine[13]);
        Assert.Contains(ClaimReturnCodes.UnknownItem, byLine[14]);
        Assert.All(check.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Fact]
    public void Days_before_the_entitlement_and_in_hospital_are_kept_as_cuts_for_the_engine()
    {
        var check = Check(Line(1, AliceId, 3, "BED", 80m, null), Line(2, AliceId, 21, "BED", 80m, null), Line(3, AliceId, 20, "BED", 80m, null));
        Assert.False(check.Refused);
        Assert.Equal([ClaimReturnCodes.NotEntitled], check.Lines[0].Notices.Select(n => n.Code));
        Assert.Equal([ClaimReturnCodes.DuringHospitalStay], check.Lines[1].Notices.Select(n => n.Code));
        Assert.Empty(check.Lines[2].Notices); // the day of admission is still paid
        Assert.All(check.Problems, p => Assert.Equal(ReturnSeverity.Cut, p.Severity));
    }

    [Fact]
    public void The_catalogue_is_published_with_text_and_clause_and_unique_codes()
    {
        Assert.Equal(ClaimReturnCodes.All.Count, ClaimReturnCodes.All.Select(c => c.Code).Distinct().Count());
        Assert.All(ClaimReturnCodes.All, c =>
        {
            Assert.Matches("^[a-z_]+$", c.Code);
            Assert.False(string.IsNullOrWhiteSpace(c.Text));
            Assert.False(string.IsNullOrWhiteSpace(c.Clause));
        });
        Assert.False(ClaimReturnCodes.IsKnown("nonsense"));
    }
}
