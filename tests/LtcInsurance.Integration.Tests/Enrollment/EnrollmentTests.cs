using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Enrollment.AddStatus;
using LtcInsurance.Application.Enrollment.Enrol;
using LtcInsurance.Application.Enrollment.EndEnrollment;
using LtcInsurance.Application.Enrollment.RecordDeath;
using LtcInsurance.Application.Enrollment.SetGuardian;
using LtcInsurance.Application.People.GetPersonDetail;
using LtcInsurance.Application.People.SearchPeople;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Integration.Tests.Enrollment;

[Collection(RegisterDatabaseCollection.Name)]
public sealed class EnrollmentTests(RegisterDatabase database)
{
    [Fact]
    public async Task Shishi_enrolls_a_dibao_person_in_the_special_groups_scheme()
    {
        await using var db = database.App(TenantIds.Shishi);
        await using var host = database.Host(TenantIds.Shishi, Roles.Clerk);
        var person = await RegisterDatabase.AddPersonAsync(db, "林低保", "350581", new DateOnly(1950, 3, 1), statuses: PersonStatus.Dibao);

        var decision = await host.Send(new EnrolCommand(new PersonId(person.Id), new DateOnly(2026, 1, 1)));

        Assert.True(decision.Enrolled, decision.Message);
        Assert.Equal(SchemeKinds.SpecialGroups, decision.Scheme);
        var stored = await db.Set<EnrollmentPeriod>().SingleAsync(e => e.PersonId == person.Id);
        Assert.Equal(SchemeKinds.SpecialGroups, stored.Scheme);
        Assert.Equal(decision.EnrollmentId, stored.Id);
    }

    [Fact]
    public async Task Jining_refuses_an_employee_insured_person_and_names_the_clause()
    {
        await using var db = database.App(TenantIds.Jining);
        await using var host = database.Host(TenantIds.Jining, Roles.Clerk);
        var person = await RegisterDatabase.AddPersonAsync(db, "孔职工", "370811", new DateOnly(1970, 5, 1),
            MedicalInsuranceScheme.Employee, EmploymentStatus.Employed);

        var decision = await host.Send(new EnrolCommand(new PersonId(person.Id), new DateOnly(2026, 1, 1)));

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
        await using var host = database.Host(TenantIds.Shishi, Roles.Clerk);
        var person = await RegisterDatabase.AddPersonAsync(db, "林普通", "350581", new DateOnly(1960, 3, 1));

        var decision = await host.Send(new EnrolCommand(new PersonId(person.Id), new DateOnly(2026, 1, 1)));

        Assert.False(decision.Enrolled);
        Assert.Equal("not_in_covered_group", decision.Reason);
        Assert.Equal("SS 二(一)", decision.Clause);
    }

    [Fact]
    public async Task A_second_open_enrollment_is_refused_and_a_death_ends_the_open_one()
    {
        await using var db = database.App(TenantIds.Shishi);
        await using var host = database.Host(TenantIds.Shishi, Roles.Clerk);
        var person = await RegisterDatabase.AddPersonAsync(db, "林特困", "350581", new DateOnly(1940, 3, 1), statuses: PersonStatus.Tekun);
        var id = new PersonId(person.Id);
        Assert.True((await host.Send(new EnrolCommand(id, new DateOnly(2025, 1, 1)))).Enrolled);

        var again = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => host.Send(new EnrolCommand(id, new DateOnly(2025, 6, 1))));
        Assert.Equal("already_enrolled", again.Code);

        var death = await host.Send(new RecordDeathCommand(id, new DateOnly(2025, 8, 14)));
        Assert.Equal(1, death.EnrollmentsEnded);
        Assert.False(death.AlreadyRecorded);
        var detail = await host.Send(new GetPersonDetailQuery(id));
        Assert.Equal(new DateOnly(2025, 8, 14), detail!.DateOfDeath);
        Assert.Equal(new DateOnly(2025, 8, 14), Assert.Single(detail.Enrollments).End);

        var afterDeath = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => host.Send(new EnrolCommand(id, new DateOnly(2025, 9, 1))));
        Assert.Equal("deceased", afterDeath.Code);
    }

    [Fact]
    public async Task Ending_an_enrollment_closes_it_on_the_last_day_and_only_once()
    {
        await using var db = database.App(TenantIds.Shishi);
        await using var host = database.Host(TenantIds.Shishi, Roles.Clerk);
        var person = await RegisterDatabase.AddPersonAsync(db, "林停保", "350581", new DateOnly(1945, 3, 1), statuses: PersonStatus.Tekun);
        var id = new PersonId(person.Id);
        await host.Send(new EnrolCommand(id, new DateOnly(2025, 1, 1)));

        var early = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => host.Send(new EndEnrollmentCommand(id, new DateOnly(2024, 12, 31))));
        Assert.Equal("invalid_date", early.Code);
        var ended = await host.Send(new EndEnrollmentCommand(id, new DateOnly(2025, 6, 30)));
        var twice = await Assert.ThrowsAsync<BusinessRuleViolationException>(() => host.Send(new EndEnrollmentCommand(id, new DateOnly(2025, 7, 31))));

        Assert.Equal(new DateOnly(2025, 6, 30), ended.EndDate);
        Assert.Equal("not_enrolled", twice.Code);
        Assert.Equal(new DateOnly(2025, 6, 30), (await db.Set<EnrollmentPeriod>().SingleAsync(e => e.PersonId == person.Id)).EndDate);
        // Re-enrollment after the gap is a new period.
        Assert.True((await host.Send(new EnrolCommand(id, new DateOnly(2025, 9, 1)))).Enrolled);
    }

    [Fact]
    public async Task A_status_is_recorded_and_an_unknown_code_or_person_is_refused()
    {
        await using var db = database.App(TenantIds.Yulin);
        await using var host = database.Host(TenantIds.Yulin, Roles.Clerk);
        var person = await RegisterDatabase.AddPersonAsync(db, "韦低保", "450902", new DateOnly(1950, 1, 1));
        var id = new PersonId(person.Id);

        await host.Send(new AddStatusCommand(id, PersonStatus.Dibao, new DateOnly(2027, 1, 1)));
        var unknown = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            host.Send(new AddStatusCommand(id, "vip", new DateOnly(2027, 1, 1))));
        var nobody = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            host.Send(new AddStatusCommand(new PersonId(Guid.NewGuid()), PersonStatus.Dibao, new DateOnly(2027, 1, 1))));

        var detail = await host.Send(new GetPersonDetailQuery(id));
        Assert.Equal(PersonStatus.Dibao, Assert.Single(detail!.Statuses).Status);
        Assert.Equal("unknown_status", unknown.Code);
        Assert.Equal("unknown_person", nobody.Code);
    }

    [Fact]
    public async Task A_minor_gets_a_guardian_link_and_search_finds_people_by_name_and_whole_id_number()
    {
        await using var db = database.App(TenantIds.Yulin);
        await using var host = database.Host(TenantIds.Yulin, Roles.Clerk);
        var guardian = await RegisterDatabase.AddPersonAsync(db, "韦监护", "450902", new DateOnly(1985, 1, 1));
        var minor = await RegisterDatabase.AddPersonAsync(db, "韦小明", "450902", new DateOnly(2020, 6, 1));
        var set = await host.Send(new SetGuardianCommand(new PersonId(minor.Id), new PersonId(guardian.Id), "母亲", new DateOnly(2027, 1, 1)));
        Assert.False(set.Replaced);

        var detail = await host.Send(new GetPersonDetailQuery(new PersonId(minor.Id)));
        Assert.Equal(new PersonId(guardian.Id), detail!.GuardianId);

        var byName = await host.Send(new SearchPeopleQuery("韦小"));
        Assert.Contains(byName.Items, p => p.Id.Value == minor.Id);
        Assert.DoesNotContain(byName.Items, p => p.Id.Value == guardian.Id);
        var byId = await host.Send(new SearchPeopleQuery(minor.IdNumber.Value));
        Assert.Equal(minor.Id, Assert.Single(byId.Items).Id.Value);
        Assert.Equal(minor.IdNumber.Masked, byId.Items[0].MaskedIdNumber);
    }

    [Fact]
    public async Task Search_pages_stay_within_the_pages_there_are()
    {
        await using var db = database.App(TenantIds.Yuzhong);
        await using var host = database.Host(TenantIds.Yuzhong, Roles.Clerk);
        for (var i = 0; i < 3; i++)
            await RegisterDatabase.AddPersonAsync(db, "渝翻页" + i, "500103", new DateOnly(1960, 1, 1));

        var second = await host.Send(new SearchPeopleQuery("渝翻页", PageNumber: 2, PageSize: 2));
        var beyond = await host.Send(new SearchPeopleQuery("渝翻页", PageNumber: 9, PageSize: 2));

        Assert.Equal((3, 2, 2), (second.Total, second.Skip, second.Take));
        Assert.Equal("渝翻页2", Assert.Single(second.Items).Name);
        Assert.Equal(second, beyond with { Items = second.Items });
    }

    [Fact]
    public async Task Invalid_requests_are_refused_with_every_problem_before_the_handler_runs()
    {
        await using var host = database.Host(TenantIds.Yulin, Roles.Clerk);

        var search = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.Send(new SearchPeopleQuery(new string('韦', 51), PageNumber: 0, PageSize: 1000)));
        var guardian = await Assert.ThrowsAsync<RequestValidationException>(() =>
            host.Send(new SetGuardianCommand(new PersonId(Guid.Empty), new PersonId(Guid.NewGuid()), "", new DateOnly(2027, 1, 1))));

        Assert.Equal(3, search.Problems.Count);
        Assert.Equal(["MinorId", "Relationship"], guardian.Problems.Select(p => p.Property).Order(StringComparer.Ordinal));
        Assert.All(search.Problems.Concat(guardian.Problems), p => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", p.Message));
    }

    [Fact]
    public async Task Only_clerks_and_admins_change_or_read_the_register()
    {
        await using var db = database.App(TenantIds.Yulin);
        var person = await RegisterDatabase.AddPersonAsync(db, "韦权限", "450902", new DateOnly(1960, 1, 1));
        await using var institution = database.Host(TenantIds.Yulin, Roles.Institution);
        await using var auditor = database.Host(TenantIds.Yulin, Roles.Auditor);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            institution.Send(new EnrolCommand(new PersonId(person.Id), new DateOnly(2027, 1, 1))));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            auditor.Send(new GetPersonDetailQuery(new PersonId(person.Id))));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => auditor.Send(new SearchPeopleQuery(null)));
        Assert.False(await db.Set<EnrollmentPeriod>().AnyAsync(e => e.PersonId == person.Id));
    }

    [Fact]
    public async Task Another_citys_person_is_not_on_the_register()
    {
        await using var db = database.App(TenantIds.Yulin);
        var person = await RegisterDatabase.AddPersonAsync(db, "韦外市", "450902", new DateOnly(1960, 1, 1));
        await using var shishi = database.Host(TenantIds.Shishi, Roles.Clerk);

        Assert.Null(await shishi.Send(new GetPersonDetailQuery(new PersonId(person.Id))));
        var refused = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            shishi.Send(new RecordDeathCommand(new PersonId(person.Id), new DateOnly(2027, 1, 1))));
        Assert.Equal("unknown_person", refused.Code);
    }
}
