using LtcInsurance.Application.Enrollment;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Enrollment;

[Collection(RegisterDatabaseCollection.Name)]
public sealed class EnrollmentTests(RegisterDatabase database)
{
    [Fact]
    public async Task Shishi_enrolls_a_dibao_person_in_the_special_groups_scheme()
    {
        await using var db = database.App(TenantIds.Shishi);
        var person = await RegisterDatabase.AddPersonAsync(db, "林低保", "350581", new DateOnly(1950, 3, 1), statuses: PersonStatus.Dibao);

        var decision = await database.Enrollment(db).EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2026, 1, 1)));

        Assert.True(decision.Enrolled, decision.Message);
        Assert.Equal(SchemeKinds.SpecialGroups, decision.Scheme);
        var stored = await db.Set<EnrollmentPeriod>().SingleAsync(e => e.PersonId == person.Id);
        Assert.Equal(SchemeKinds.SpecialGroups, stored.Scheme);
    }

    [Fact]
    public async Task Jining_refuses_an_employee_insured_person_and_names_the_clause()
    {
        await using var db = database.App(TenantIds.Jining);
        var person = await RegisterDatabase.AddPersonAsync(db, "孔职工", "370811", new DateOnly(1970, 5, 1),
            MedicalInsuranceScheme.Employee, EmploymentStatus.Employed);

        var decision = await database.Enrollment(db).EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2026, 1, 1)));

        Assert.False(decision.Enrolled);
        Assert.Equal("employee_not_in_resident_pilot", decision.Reason);
        Assert.Equal("JN 一", decision.Clause);
        Assert.Contains("JN 一", decision.Message, StringComparison.Ordinal);
        Assert.False(await db.Set<EnrollmentPeriod>().AnyAsync(e => e.PersonId == person.Id));
    }

    [Fact]
    public async Task Shishi_refuses_a_person_in_no_covered_group()
    {
        await using var db = database.App(TenantIds.Shishi);
        var person = await RegisterDatabase.AddPersonAsync(db, "林普通", "350581", new DateOnly(1960, 3, 1));

        var decision = await database.Enrollment(db).EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2026, 1, 1)));

        Assert.False(decision.Enrolled);
        Assert.Equal("not_in_covered_group", decision.Reason);
        Assert.Equal("SS 二(一)", decision.Clause);
    }

    [Fact]
    public async Task A_second_open_enrollment_is_refused_and_a_death_ends_the_open_one()
    {
        await using var db = database.App(TenantIds.Shishi);
        var person = await RegisterDatabase.AddPersonAsync(db, "林特困", "350581", new DateOnly(1940, 3, 1), statuses: PersonStatus.Tekun);
        var service = database.Enrollment(db);
        await service.EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2025, 1, 1)));

        var again = await Assert.ThrowsAsync<EnrollmentRuleException>(() => service.EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2025, 6, 1))));
        Assert.Equal("already_enrolled", again.Code);

        await service.RecordDeathAsync(person.Id, new DateOnly(2025, 8, 14));
        var detail = await new RegisterQueries(db).PersonDetailAsync(person.Id);
        Assert.Equal(new DateOnly(2025, 8, 14), detail!.DateOfDeath);
        Assert.Equal(new DateOnly(2025, 8, 14), Assert.Single(detail.Enrollments).End);
    }

    [Fact]
    public async Task A_minor_gets_a_guardian_link_and_search_finds_people_by_name_prefix_and_whole_id_number()
    {
        await using var db = database.App(TenantIds.Yulin);
        var guardian = await RegisterDatabase.AddPersonAsync(db, "韦监护", "450902", new DateOnly(1985, 1, 1));
        var minor = await RegisterDatabase.AddPersonAsync(db, "韦小明", "450902", new DateOnly(2020, 6, 1));
        await database.Enrollment(db).SetGuardianAsync(minor.Id, guardian.Id, "母亲", new DateOnly(2027, 1, 1));

        var detail = await new RegisterQueries(db).PersonDetailAsync(minor.Id);
        Assert.Equal(guardian.Id, detail!.GuardianId);

        var queries = new RegisterQueries(db);
        var byName = await queries.SearchPeopleAsync("韦小", 0, 10);
        Assert.Contains(byName.Items, p => p.Id == minor.Id);
        Assert.DoesNotContain(byName.Items, p => p.Id == guardian.Id);
        var byId = await queries.SearchPeopleAsync(minor.IdNumber.Value, 0, 10);
        Assert.Equal(minor.Id, Assert.Single(byId.Items).Id);
        Assert.Equal(minor.IdNumber.Masked, byId.Items[0].MaskedIdNumber);
    }
}
