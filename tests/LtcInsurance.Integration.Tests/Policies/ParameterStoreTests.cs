using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Contributions;
using LtcInsurance.Application.Contributions.RecomputeBill;
using LtcInsurance.Application.Contributions.RunBilling;
using LtcInsurance.Application.Ledger.GetEntrySource;
using LtcInsurance.Application.Policies.CalculateCase;
using LtcInsurance.Application.Policies.DecideParameter;
using LtcInsurance.Application.Policies.GetCaseExample;
using LtcInsurance.Application.Policies.GetParameterHistory;
using LtcInsurance.Application.Policies.ListParameterStatus;
using LtcInsurance.Application.Policies.ProposeParameter;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Contributions;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Tenants;
using LtcInsurance.Integration.Tests.Enrollment;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LtcInsurance.Integration.Tests.Policies;

/// <summary>A cluster of its own: the parameters approved here must not reach the other register and billing tests.</summary>
[CollectionDefinition(Name)]
public sealed class ParameterDatabaseCollection : ICollectionFixture<RegisterDatabase>
{
    public const string Name = "parameter database";
}

/// <summary>
/// Policy parameters stored with history (issue #10): proposed by one admin, approved or rejected once by another,
/// read by the engine from then on, and a past bill recomputed as it was. All values here are test values (测试值).
/// </summary>
[Collection(ParameterDatabaseCollection.Name)]
public sealed class ParameterStoreTests(RegisterDatabase database)
{
    private ParameterAdmins Admins(string tenant) => new(database.Server.AppConnectionString, tenant);

    private async Task<int> RowsAsync(string tenant)
    {
        await using var db = database.App(tenant);
        return await db.Set<StoredParameterVersion>().CountAsync();
    }

    [Fact]
    public async Task Proposed_value_waits_for_a_second_admin_and_then_is_in_force_with_its_version()
    {
        var admins = Admins(TenantIds.Zhenjiang);
        await using var reader = database.Host(TenantIds.Zhenjiang);
        var day = new DateOnly(2039, 6, 1);
        var before = (await reader.Send(new ListParameterStatusQuery(day)))!.Parameters.Single(p => p.Name == "residentFiscalShare");
        Assert.True(before.Unset);
        Assert.Equal(["缴费核定"], before.Blocks);

        var proposed = await admins.ProposeAsync("residentFiscalShare", "120.5", new DateOnly(2039, 1, 1));
        Assert.Equal(ParameterVersionStatus.Proposed, proposed.Status);
        Assert.Equal("120.50", proposed.Value);
        Assert.Equal(admins.Proposer.UserName, proposed.ProposedBy);
        var waiting = (await reader.Send(new ListParameterStatusQuery(day)))!.Parameters.Single(p => p.Name == "residentFiscalShare");
        Assert.True(waiting.Unset);
        Assert.Equal(1, waiting.Pending);

        var approved = await admins.ApproveAsync("residentFiscalShare", proposed.Version);

        Assert.Equal(ParameterVersionStatus.Approved, approved.Status);
        Assert.Equal(admins.Approver.UserName, approved.DecidedBy);
        var after = (await reader.Send(new ListParameterStatusQuery(day)))!.Parameters.Single(p => p.Name == "residentFiscalShare");
        Assert.Equal(("120.50", proposed.Version, 0), (after.Value, after.Version, after.Pending));
        Assert.Empty(after.Blocks);
        var history = (await reader.Send(new GetParameterHistoryQuery("residentFiscalShare")))!;
        Assert.Equal("amount", history.Kind);
        Assert.Null(history.Shipped.Single().Value);
        Assert.Equal(proposed.Version, history.Versions[0].Version);
    }

    [Fact]
    public async Task The_proposer_cannot_approve_and_a_version_is_decided_once()
    {
        var admins = Admins(TenantIds.Jining);
        var proposed = await admins.ProposeAsync("fiscalShare", "70.00", new DateOnly(2091, 1, 1));

        await using (var self = admins.Host(admins.Proposer))
        {
            var own = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
                self.Send(new DecideParameterCommand("fiscalShare", proposed.Version, true, null)));
            Assert.Equal("parameter_four_eyes", own.Code);
            Assert.Contains("不能审批自己", own.Message, StringComparison.Ordinal);
        }

        await using var second = admins.Host(admins.Approver);
        var noNote = await Assert.ThrowsAsync<RequestValidationException>(() =>
            second.Send(new DecideParameterCommand("fiscalShare", proposed.Version, false, " ")));
        Assert.Contains("驳回须填写", noNote.Message, StringComparison.Ordinal);
        var rejected = await second.Send(new DecideParameterCommand("fiscalShare", proposed.Version, false, "测试值：驳回"));
        Assert.Equal(ParameterVersionStatus.Rejected, rejected.Status);

        var again = await Assert.ThrowsAsync<BusinessRuleViolationException>(() =>
            second.Send(new DecideParameterCommand("fiscalShare", proposed.Version, true, null)));
        Assert.Equal("parameter_already_decided", again.Code);
        var history = (await second.Send(new GetParameterHistoryQuery("fiscalShare")))!;
        Assert.Equal(ParameterVersionStatus.Rejected, history.Versions.Single(v => v.Version == proposed.Version).Status);
    }

    [Theory]
    [InlineData("employeeIndividualShare", "12.345", "取值")]
    [InlineData("employeeIndividualShare", "-1", "取值")]
    [InlineData("employeeIndividualShare", "1e3", "取值")]
    [InlineData("employeeIndividualShare", "十二元", "取值")]
    [InlineData("fundRatio.home", "1.5", "比例")]
    [InlineData("minimumDisabilityMonths", "2.5", "整数")]
    [InlineData("schemeStart", "2027-13-01", "日期")]
    [InlineData("benefitStartRule", "tomorrow", "day_after_conclusion")]
    [InlineData("coveredCategories.home", "care,massage", "massage")]
    [InlineData("assessmentInstrument", "adl", "national2021")]
    [InlineData("suspendDuringHospitalStay", "yes", "true 或 false")]
    [InlineData("noSuchParameter", "1", "不是本市政策参数")]
    public async Task Bad_values_and_unknown_names_are_refused_in_Chinese_and_nothing_is_written(string name, string value, string expected)
    {
        var rows = await RowsAsync(TenantIds.Zhenjiang);

        var refused = await Assert.ThrowsAsync<RequestValidationException>(() =>
            Admins(TenantIds.Zhenjiang).ProposeAsync(name, value, new DateOnly(2092, 1, 1)));

        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.Equal(rows, await RowsAsync(TenantIds.Zhenjiang));
    }

    [Fact]
    public async Task Another_tenant_cannot_read_the_versions_and_nobody_rewrites_a_value()
    {
        var proposed = await Admins(TenantIds.Yulin).ProposeAsync("previousYearDisposableIncomePerCapita", "36000.00", new DateOnly(2093, 1, 1));

        await using (var other = database.App(TenantIds.Shishi))
        {
            // the query filter and, behind it, row-level security
            Assert.Equal(0, await other.Set<StoredParameterVersion>().IgnoreQueryFilters().CountAsync(v => v.TenantId == TenantIds.Yulin));
        }

        await using var own = database.App(TenantIds.Yulin);
        var rewrite = await Assert.ThrowsAnyAsync<PostgresException>(() => own.Database.ExecuteSqlAsync(
            $"UPDATE parameter_versions SET value = '1.00' WHERE name = 'previousYearDisposableIncomePerCapita' AND version = {proposed.Version}"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, rewrite.SqlState);
        var delete = await Assert.ThrowsAnyAsync<PostgresException>(() => own.Database.ExecuteSqlAsync(
            $"DELETE FROM parameter_versions WHERE name = 'previousYearDisposableIncomePerCapita'"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
        Assert.Equal("36000.00", (await own.Set<StoredParameterVersion>().SingleAsync(v => v.Version == proposed.Version && v.Name == "previousYearDisposableIncomePerCapita")).Value);
    }

    [Fact]
    public async Task Zhenjiang_bills_once_two_admins_set_the_shares_and_a_bill_recomputes_as_it_was_after_a_later_change()
    {
        var admins = Admins(TenantIds.Zhenjiang);
        await using var db = database.App(TenantIds.Zhenjiang);
        var person = await RegisterDatabase.AddPersonAsync(db, "镇测试职工", "321102", new DateOnly(1975, 4, 4),
            MedicalInsuranceScheme.Employee, EmploymentStatus.Employed);
        Assert.True((await database.Enrollment(db).EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2040, 1, 1)))).Enrolled);

        var refused = await Assert.ThrowsAsync<BillingRefusedException>(() => RunAsync(TenantIds.Zhenjiang, "2040"));
        Assert.Equal(ErrorCodes.ParameterMissing, refused.Code);
        Assert.Equal(0, await db.Set<ContributionBill>().CountAsync(b => b.Period == "2040"));

        var from = new DateOnly(2040, 1, 1);
        var individual = await admins.SetAsync("employeeIndividualShare", "30.00", from);
        var fund = await admins.SetAsync("employeeMedicalFundShare", "60.00", from);
        await RunAsync(TenantIds.Zhenjiang, "2040");

        var bill = await db.Set<ContributionBill>().Include(b => b.Lines).AsNoTracking().SingleAsync(b => b.PersonId == person.Id && b.Period == "2040");
        Assert.Equal(90.00m, bill.Total);
        Assert.Equal(30.00m, bill.IndividualDue);
        Assert.Matches($"\"version\":\\s*{individual.Version}", bill.Trace);
        Assert.Contains(ParameterAdmins.TestSource, bill.Trace, StringComparison.Ordinal);
        await using (var books = database.Host(TenantIds.Zhenjiang, Application.Security.Roles.Auditor))
        {
            // the auditor's drill-down from the entry to the bill's trace names the version used
            var source = (await books.Send(new GetEntrySourceQuery(new EntrySequence(bill.JournalSequence!.Value), new BillId(bill.Id))))!;
            Assert.Contains(source.Steps.SelectMany(s => s.Parameters), p => p.Name == "employeeIndividualShare" && p.Version == individual.Version);
        }


        // a later approved change of the same year: new bills would use it, the issued bill recomputes as it was
        var raised = await admins.SetAsync("employeeIndividualShare", "45.00", from);
        await using var auditor = database.Host(TenantIds.Zhenjiang, Application.Security.Roles.Auditor);
        var recomputed = (await auditor.Send(new RecomputeBillQuery(bill.Id)))!;

        Assert.True(recomputed.Matches);
        Assert.Equal(90.00m, recomputed.AsComputed!.Total);
        Assert.Equal(individual.Version, recomputed.AsComputed.Parameters.Single(p => p.Name == "employeeIndividualShare").Version);
        Assert.Equal(fund.Version, recomputed.AsComputed.Parameters.Single(p => p.Name == "employeeMedicalFundShare").Version);
        Assert.Equal(individual.Version, recomputed.OriginalVersions.Single(p => p.Name == "employeeIndividualShare").Version);
        Assert.Equal(105.00m, recomputed.AsKnownNow!.Total);
        Assert.Equal(raised.Version, recomputed.AsKnownNow.Parameters.Single(p => p.Name == "employeeIndividualShare").Version);
        Assert.Equal(90.00m, (await db.Set<ContributionBill>().AsNoTracking().SingleAsync(b => b.Id == bill.Id)).Total);
    }

    [Fact]
    public async Task Yuzhong_bills_once_two_admins_set_the_city_wide_shares()
    {
        var admins = Admins(TenantIds.Yuzhong);
        await using var db = database.App(TenantIds.Yuzhong);
        var person = await RegisterDatabase.AddPersonAsync(db, "渝测试职工", "500103", new DateOnly(1966, 6, 6),
            MedicalInsuranceScheme.Employee, EmploymentStatus.Employed);
        Assert.True((await database.Enrollment(db).EnrollAsync(new EnrollRequest(person.Id, new DateOnly(2041, 1, 1)))).Enrolled);

        var refused = await Assert.ThrowsAsync<BillingRefusedException>(() => RunAsync(TenantIds.Yuzhong, "2041"));
        Assert.Equal(ErrorCodes.ParameterMissing, refused.Code);

        var from = new DateOnly(2041, 1, 1);
        await admins.SetAsync("individualShare", "50.00", from);
        await admins.SetAsync("employerShare", "40.00", from);
        var fiscal = await admins.SetAsync("fiscalShare", "30.00", from);
        await RunAsync(TenantIds.Yuzhong, "2041");

        var bill = await db.Set<ContributionBill>().Include(b => b.Lines).AsNoTracking().SingleAsync(b => b.PersonId == person.Id && b.Period == "2041");
        Assert.Equal(120.00m, bill.Total);
        Assert.Equal(50.00m, bill.IndividualDue);
        Assert.Matches($"\"version\":\\s*{fiscal.Version}", bill.Trace);
    }

    [Theory]
    [InlineData(TenantIds.Zhenjiang, "fundRatio.home=0.70", "monthlyLimit.home=1500.00")]
    [InlineData(TenantIds.Shishi, "fundRatio.home=0.60", "monthlyLimit.home=1200.00")]
    [InlineData(TenantIds.Yuzhong, "perDiem.institution=50.00", null)]
    public async Task Settlement_is_refused_until_the_payment_levels_are_approved_then_computed_with_their_versions(
        string tenant, string first, string? second)
    {
        var admins = Admins(tenant);
        await using var clerk = database.Host(tenant);
        var example = (await clerk.Send(new GetCaseExampleQuery(CaseKinds.Settlement)))!;
        var asOf = example.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var before = (await clerk.Send(new CalculateCaseQuery(CaseKinds.Settlement, example.Input, asOf)))!;
        Assert.Equal(ErrorCodes.ParameterMissing, before.ErrorCode);

        var from = new DateOnly(example.AsOf.Year, 1, 1);
        var set = new List<ParameterVersionView>();
        foreach (var pair in new[] { first, second }.OfType<string>())
        {
            var (name, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            set.Add(await admins.SetAsync(name, value, from));
        }

        var after = await admins.CalculateSettingMissingAsync(CaseKinds.Settlement, example.Input, asOf, from);

        Assert.True(after.Succeeded, after.ErrorMessage);
        var result = (SettlementResult)after.Evaluation!.Result;
        Assert.True(result.FundPays > 0m);
        foreach (var version in set)
            Assert.Equal(version.Version, after.Evaluation.ParametersUsed.Single(p => p.Name == version.Name).Version);
        if (tenant != TenantIds.Yuzhong)
            Assert.True(result.FundPays <= decimal.Parse(second!.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<BillingRunResult> RunAsync(string tenant, string period)
    {
        await using var host = database.Host(tenant);
        return await host.Send(new RunBillingCommand(period));
    }
}
