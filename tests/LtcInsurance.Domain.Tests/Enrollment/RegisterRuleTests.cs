using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Enrollment.Rules;
using LtcInsurance.Domain.Policies.Cases;
using static LtcInsurance.Domain.Tests.Enrollment.RegisterExamples;

namespace LtcInsurance.Domain.Tests.Enrollment;

/// <summary>The register's rules, checked by the entities' own methods, without a database.</summary>
public sealed class RegisterRuleTests
{
    private static readonly DateOnly Birth = new(1950, 3, 1);

    private static BusinessRuleViolationException Refused(Action change) =>
        Assert.Throws<BusinessRuleViolationException>(change);

    [Fact]
    public void An_open_period_refuses_a_second_one_and_names_its_start()
    {
        var person = Person(Birth, "林特困");
        var first = Period(person, new(2025, 1, 1), null);

        var refused = Refused(() => EnrollmentPeriod.Open(person, SchemeKinds.SpecialGroups, new(2025, 6, 1), null, [first], null));

        Assert.Equal("already_enrolled", refused.Code);
        Assert.IsType<EnrollmentPeriodsMustNotOverlap>(refused.Rule);
        Assert.Contains("林特困", refused.Message, StringComparison.Ordinal);
        Assert.Contains("2025-01-01", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-06-30", "2025-07-01", false)] // re-enrolled the day after the last insured day
    [InlineData("2025-06-30", "2025-06-30", true)] // the last insured day is taken
    [InlineData("2025-06-30", "2024-12-01", true)] // an open period from before would run through the old one
    public void A_new_open_period_may_not_share_a_day_with_an_ended_one(string lastDay, string newStart, bool broken)
    {
        var person = Person(Birth);
        var ended = Period(person, new(2025, 1, 1), DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture));

        var rule = new EnrollmentPeriodsMustNotOverlap(person.Name, [ended],
            DateOnly.Parse(newStart, System.Globalization.CultureInfo.InvariantCulture), null);

        Assert.Equal(broken, rule.IsBroken());
    }

    [Fact]
    public void A_closed_new_period_before_an_existing_one_does_not_overlap_it()
    {
        var person = Person(Birth);
        var later = Period(person, new(2026, 1, 1), null);

        Assert.False(new EnrollmentPeriodsMustNotOverlap(person.Name, [later], new(2025, 1, 1), new(2025, 12, 31)).IsBroken());
        Assert.True(new EnrollmentPeriodsMustNotOverlap(person.Name, [later], new(2025, 1, 1), new(2026, 1, 1)).IsBroken());
    }

    [Fact]
    public void Opening_rounds_the_contribution_base_to_the_cent_once()
    {
        var period = EnrollmentPeriod.Open(Person(Birth), SchemeKinds.Employee, new(2027, 1, 1), 5000.005m, [], null);

        Assert.Equal(5000.01m, period.MonthlyBase);
        Assert.True(period.IsOpen);
        Assert.Equal("yulin", period.TenantId);
    }

    [Fact]
    public void Ending_before_the_start_is_refused_and_the_start_day_itself_is_allowed()
    {
        var period = Period(Person(Birth), new(2025, 3, 1), null);

        var refused = Refused(() => period.End(new(2025, 2, 28)));
        Assert.Equal("invalid_date", refused.Code);
        Assert.Contains("2025-02-28", refused.Message, StringComparison.Ordinal);
        Assert.True(period.IsOpen);

        period.End(new(2025, 3, 1));
        Assert.Equal(new DateOnly(2025, 3, 1), period.EndDate);
    }

    [Fact]
    public void An_ended_period_cannot_be_ended_again()
    {
        var period = Period(Person(Birth), new(2025, 3, 1), new(2025, 12, 31));

        Assert.Equal("not_enrolled", Refused(() => period.End(new(2026, 1, 31))).Code);
        Assert.True(new EnrollmentMustBeOpen(null).IsBroken());
    }

    [Fact]
    public void A_death_ends_what_runs_past_it_and_leaves_what_ended_before()
    {
        var person = Person(Birth);
        var before = Period(person, new(2020, 1, 1), new(2020, 12, 31));
        var running = Period(person, new(2025, 1, 1), null, [before]);
        var death = new DateOnly(2025, 8, 14);

        before.EndOnDeath(death);
        running.EndOnDeath(death);

        Assert.Equal(new DateOnly(2020, 12, 31), before.EndDate);
        Assert.Equal(death, running.EndDate);
    }

    [Fact]
    public void A_period_starting_after_the_death_keeps_only_its_first_day()
    {
        var period = Period(Person(Birth), new(2025, 9, 1), null);

        period.EndOnDeath(new DateOnly(2025, 8, 14));

        Assert.Equal(new DateOnly(2025, 9, 1), period.EndDate);
    }

    [Fact]
    public void A_death_before_the_birth_is_refused()
    {
        var person = Person(Birth);

        var refused = Refused(() => person.RecordDeath(new(1950, 2, 28), DateTimeOffset.UnixEpoch));

        Assert.Equal("death_before_birth", refused.Code);
        Assert.IsType<DeathNotBeforeBirth>(refused.Rule);
        Assert.Equal(Birth, person.RecordDeath(Birth, DateTimeOffset.UnixEpoch).DateOfDeath);
    }

    [Fact]
    public void Nobody_is_enrolled_after_their_death_but_up_to_the_day_of_it()
    {
        var person = Person(Birth, "林故");
        var death = person.RecordDeath(new(2025, 8, 14), DateTimeOffset.UnixEpoch);

        var refused = Refused(() => EnrollmentPeriod.Open(person, SchemeKinds.Resident, new(2025, 8, 15), null, [], death));

        Assert.Equal("deceased", refused.Code);
        Assert.Contains("林故", refused.Message, StringComparison.Ordinal);
        Assert.Equal(person.Id, EnrollmentPeriod.Open(person, SchemeKinds.Resident, new(2025, 8, 14), null, [], death).PersonId);
    }

    [Fact]
    public void A_status_must_be_a_known_code_with_its_dates_in_order()
    {
        var person = Person(Birth);

        Assert.Equal("unknown_status", Refused(() => person.AddStatus("vip", new(2025, 1, 1), null)).Code);
        Assert.Equal("invalid_date", Refused(() => person.AddStatus(PersonStatus.Dibao, new(2025, 1, 1), new(2024, 12, 31))).Code);

        var status = person.AddStatus(PersonStatus.Dibao, new(2025, 1, 1), new(2025, 1, 1));
        Assert.Equal(person.Id, status.PersonId);
        Assert.True(status.ActiveOn(new(2025, 1, 1)));
    }

    [Fact]
    public void A_guardian_is_another_adult_and_only_minors_get_one()
    {
        var since = new DateOnly(2027, 1, 1);
        var minor = Person(new(2020, 6, 1), "韦小明");
        var adult = Person(new(1985, 1, 1), "韦监护");
        var teenager = Person(new(2010, 1, 2), "韦少年");

        Assert.Equal("invalid_guardian", Refused(() => minor.AssignGuardian(minor, "本人", since, null)).Code);
        Assert.Equal("not_minor", Refused(() => adult.AssignGuardian(minor, "子女", since, null)).Code);
        var young = Refused(() => minor.AssignGuardian(teenager, "兄", since, null));
        Assert.Equal("guardian_not_adult", young.Code);
        Assert.Contains("韦少年", young.Message, StringComparison.Ordinal);

        var link = minor.AssignGuardian(adult, "母亲", since, null);
        Assert.Equal((minor.Id, adult.Id, "母亲", since), (link.MinorId, link.GuardianId, link.Relationship, link.Since));
    }

    [Fact]
    public void Eighteen_on_the_day_is_adult()
    {
        var since = new DateOnly(2028, 1, 2);
        var justAdult = Person(new(2010, 1, 2));
        var minor = Person(new(2020, 6, 1));

        Assert.False(new GuardianMustBeAdult(justAdult, since).IsBroken());
        Assert.True(new GuardianOnlyForMinors(justAdult, since).IsBroken());
        Assert.True(new GuardianMustBeAdult(justAdult, since.AddDays(-1)).IsBroken());
        Assert.Equal(justAdult.Id, minor.AssignGuardian(justAdult, "兄", since, null).GuardianId);
    }

    [Fact]
    public void Replacing_a_guardian_changes_the_minors_one_link()
    {
        var minor = Person(new(2020, 6, 1));
        var mother = Person(new(1985, 1, 1));
        var grandfather = Person(new(1955, 1, 1));
        var link = minor.AssignGuardian(mother, "母亲", new(2027, 1, 1), null);

        var replaced = minor.AssignGuardian(grandfather, "祖父母", new(2028, 1, 1), link);

        Assert.Same(link, replaced);
        Assert.Equal((grandfather.Id, "祖父母", new DateOnly(2028, 1, 1)), (link.GuardianId, link.Relationship, link.Since));
        Assert.Throws<ArgumentException>(() => mother.AssignGuardian(grandfather, "父亲", new(2028, 1, 1), link));
    }

    [Fact]
    public void A_refused_replacement_leaves_the_link_as_it_was()
    {
        var minor = Person(new(2020, 6, 1));
        var mother = Person(new(1985, 1, 1));
        var link = minor.AssignGuardian(mother, "母亲", new(2027, 1, 1), null);

        Refused(() => minor.AssignGuardian(minor, "本人", new(2028, 1, 1), link));

        Assert.Equal((mother.Id, "母亲"), (link.GuardianId, link.Relationship));
    }

    public static TheoryData<IBusinessRule> Rules()
    {
        var person = Person(Birth);
        return
        [
            new EnrollmentPeriodsMustNotOverlap(person.Name, [], new(2025, 1, 1), null),
            EndNotBeforeStart.ForEnrollment(new(2025, 1, 1), new(2024, 1, 1)),
            EndNotBeforeStart.ForStatus(new(2025, 1, 1), null),
            new EnrollmentMustBeOpen(null),
            new NoEnrollmentAfterDeath(person.Name, null, new(2025, 1, 1)),
            new DeathNotBeforeBirth(Birth, Birth),
            new PersonStatusMustBeKnown("vip"),
            new GuardianMustNotBeSelf(person.Id, person.Id),
            new GuardianOnlyForMinors(person, new(2025, 1, 1)),
            new GuardianMustBeAdult(person, new(2025, 1, 1)),
            new PersonMustBeOnRegister(person.Id, null),
        ];
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_rule_has_a_code_a_clause_and_a_Chinese_message(IBusinessRule rule)
    {
        Assert.Matches("^[a-z_]+$", rule.Code);
        Assert.False(string.IsNullOrWhiteSpace(rule.Clause));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", rule.Message);
    }
}
