using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Common;

namespace LtcInsurance.Domain.Tests.Assessment;

/// <summary>The pure rules of the assessment path: acceptance (29号 受理审核), three-way separation and the two experts.</summary>
public class AssessmentPathRuleTests
{
    private static readonly DateOnly On = new(2026, 3, 2);

    private static AcceptanceFacts Facts(
        bool insured = true, bool population = true, int? months = 6, DateOnly? since = null, DateOnly? last = null, bool changed = false,
        string kind = ApplicantKinds.Person, params string[] documents) =>
        new(On, "测试人", insured, population, population ? null : "work_injury_care_allowance", "YL 二(一)", months, "ZJ 二(五)1",
            since ?? new DateOnly(2025, 1, 1), last, 6, AssessmentClauses.Reapplication, changed, kind,
            documents.Length == 0 ? [ApplicationDocuments.IdCard, ApplicationDocuments.MedicalRecords] : documents);

    [Fact]
    public void Acceptance_29号_refuses_in_the_order_a_clerk_reads_out_insured_population_lasting_reapplication()
    {
        Assert.Equal(AssessmentCodes.NotInsured, AcceptanceCheck.Decide(Facts(insured: false, population: false)).Code);
        Assert.Equal(AssessmentCodes.NotInBenefitPopulation, AcceptanceCheck.Decide(Facts(population: false, since: On)).Code);
        Assert.Equal(AssessmentCodes.DisabilityNotLasting, AcceptanceCheck.Decide(Facts(since: On.AddMonths(-6).AddDays(1))).Code);
        Assert.True(AcceptanceCheck.Decide(Facts(since: On.AddMonths(-6))).Accepted);
        Assert.True(AcceptanceCheck.Decide(Facts(months: null, since: On)).Accepted);
        Assert.Equal(AssessmentCodes.ReapplicationTooSoon, AcceptanceCheck.Decide(Facts(last: On.AddMonths(-6).AddDays(1))).Code);
        Assert.True(AcceptanceCheck.Decide(Facts(last: On.AddMonths(-6))).Accepted);
        Assert.True(AcceptanceCheck.Decide(Facts(last: On.AddDays(-1), changed: true)).Accepted);
        Assert.True(AcceptanceCheck.Decide(Facts(last: On.AddDays(-1), kind: ApplicantKinds.Bureau)).Accepted);
        Assert.Equal(AssessmentCodes.NoConclusionToReassess, AcceptanceCheck.Decide(Facts(kind: ApplicantKinds.Bureau)).Code);
    }

    [Property(MaxTest = 200)]
    public Property One_notice_lists_every_missing_document_and_only_those()
    {
        var gen = from kind in Gen.Elements(ApplicantKinds.All.ToArray())
                  from provided in Gen.SubListOf(ApplicationDocuments.All.ToArray())
                  select (kind, provided: provided.ToArray());
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var decision = AcceptanceCheck.Decide(Facts(last: c.kind == ApplicantKinds.Bureau ? On.AddYears(-1) : null, kind: c.kind, documents: c.provided.Length == 0 ? ["none"] : c.provided));
            var expected = ApplicationDocuments.Required(c.kind).Except(c.provided).ToList();
            return decision.MissingDocuments.SequenceEqual(expected)
                   && decision.Accepted == (expected.Count == 0)
                   && expected.All(d => decision.Message.Contains(ApplicationDocuments.ChineseName(d), StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Separation_29号_an_agency_of_the_caring_institution_or_acting_as_经办_may_not_assess()
    {
        var careHome = Guid.NewGuid();
        var application = AssessmentApplication.Register("zhenjiang", Guid.NewGuid(), ApplicantKinds.Family, "家属", null, careHome, On, null, false,
            [], On.AddDays(7), On.AddDays(30), "clerk", DateTimeOffset.UnixEpoch);
        var own = AssessmentAgency.Designate("zhenjiang", "A1", "护理院评估部", new DateOnly(2020, 1, 1), null, careHome, false);
        var handling = AssessmentAgency.Designate("zhenjiang", "A2", "经办中心", new DateOnly(2020, 1, 1), null, null, true);
        var expired = AssessmentAgency.Designate("zhenjiang", "A3", "过期机构", new DateOnly(2020, 1, 1), new DateOnly(2025, 12, 31), null, false);

        Assert.Equal(AssessmentCodes.AgencyProvidesCare, Assert.Throws<BusinessRuleViolationException>(() => own.CheckMayAssess(application, On)).Code);
        Assert.Equal(AssessmentCodes.AgencyIsHandling, Assert.Throws<BusinessRuleViolationException>(() => handling.CheckMayAssess(application, On)).Code);
        Assert.Equal(AssessmentCodes.AgencyAgreement, Assert.Throws<BusinessRuleViolationException>(() => expired.CheckMayAssess(application, On)).Code);
    }
}
