using LtcInsurance.Application;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Policies.CalculateCase;
using LtcInsurance.Application.Policies.GetCaseExample;
using LtcInsurance.Application.Policies.ListPolicyParameters;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;
using LtcInsurance.Domain.Policies.Parameters;
using LtcInsurance.Domain.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace LtcInsurance.Integration.Tests.Policies;

/// <summary>
/// The policy explorer's use cases through the sender, as pages send them. The only table they read is the stored
/// parameter versions, through <see cref="IPolicyEngine"/>; here an engine with the shipped values only stands in for it
/// (no database; the stored versions are tested in <see cref="ParameterStoreTests"/>).
/// </summary>
public sealed class PolicyUseCaseTests
{
    private const string YulinInstitutionMonth = """
        {
          "month": "2027-04",
          "beneficiary": { "level": 5, "entitledFrom": "2027-04-01", "entitledTo": null, "yearToDateFundPaid": 0 },
          "serviceMode": "institution",
          "lines": [
            { "date": "2027-04-01", "category": "care", "item": "B01", "amount": 30.00 },
            { "date": "2027-04-02", "category": "care", "item": "B01", "amount": 50.00 },
            { "date": "2027-04-03", "category": "bed", "item": "B02", "amount": 20.00 }
          ],
          "parameters": { "previousYearDisposableIncomePerCapita": 36000, "benefitPaymentStart": "2027-01-01" }
        }
        """; // benefitPaymentStart: TEST VALUE (YL 五 leaves the payment date to a later notice)

    private static ISender SenderFor(CurrentUser user)
    {
        var services = new ServiceCollection();
        services.AddLtcApplication();
        services.AddScoped<IPolicyEngine, ShippedValuesOnly>();
        services.AddSingleton<ICurrentUserSource>(new FixedCurrentUserSource(user));
        return services.BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<ISender>();
    }

    private static ISender Clerk(string? tenant) => SenderFor(new CurrentUser("u1", "clerk." + tenant, tenant, [Roles.Clerk]));

    [Fact]
    public async Task A_settlement_case_is_answered_with_the_result_and_a_trace_citing_the_tenants_clauses()
    {
        var outcome = await Clerk(TenantIds.Yulin).Send(new CalculateCaseQuery(CaseKinds.Settlement, YulinInstitutionMonth, "2027-04-30"));

        Assert.NotNull(outcome);
        var result = Assert.IsType<SettlementResult>(outcome.Evaluation?.Result);
        Assert.Equal((100m, 75m), (result.Billed, result.FundPays));
        Assert.Contains(outcome.Evaluation!.Trace, s => s.Clause == "YL 二(四)4(3)");
    }

    [Fact]
    public async Task The_tenant_is_the_signed_in_users_whatever_the_case_says()
    {
        const string input = """
            { "tenant": "zhenjiang",
              "person": { "birthDate": "1955-06-01", "regionCode": "321102", "medicalInsurance": "employee", "employment": "employed", "statuses": [] } }
            """;

        var outcome = await Clerk(TenantIds.Yulin).Send(new CalculateCaseQuery(CaseKinds.Eligibility, input, "2027-02-01"));

        var result = Assert.IsType<EligibilityResult>(outcome?.Evaluation?.Result);
        Assert.Equal("outside_scheme_area", result.Reason);
        Assert.All(outcome!.Evaluation!.Trace, s => Assert.StartsWith("YL ", s.Clause, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ \"month\": ", "不是有效的 JSON")]
    [InlineData("[1, 2]", "须为一个 JSON 对象")]
    [InlineData("{ \"month\": \"2027-04\" }", "缺少 beneficiary")]
    public async Task A_case_the_engine_cannot_read_is_an_outcome_with_the_code_not_an_exception(string input, string message)
    {
        var outcome = await Clerk(TenantIds.Yulin).Send(new CalculateCaseQuery(CaseKinds.Settlement, input, null));

        Assert.Equal(("invalid_input", false), (outcome?.ErrorCode, outcome?.Succeeded));
        Assert.Contains(message, outcome!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_acting_for_no_tenant_gets_no_answer()
    {
        var sender = SenderFor(new CurrentUser("a", "admin", null, [Roles.Admin]));

        Assert.Null(await sender.Send(new CalculateCaseQuery(CaseKinds.Settlement, YulinInstitutionMonth, null)));
        Assert.Null(await sender.Send(new ListPolicyParametersQuery()));
        Assert.Null(await sender.Send(new GetCaseExampleQuery(CaseKinds.Settlement)));
    }

    [Theory]
    [InlineData("", "{}", null, "请选择案例类型")]
    [InlineData("settlement", "{}", "30/04/2027", "须为 YYYY-MM-DD")]
    public async Task The_form_is_checked_before_the_engine_runs(string kind, string input, string? asOf, string message)
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => Clerk(TenantIds.Yulin).Send(new CalculateCaseQuery(kind, input, asOf)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_signed_in_users_with_a_role_may_ask()
    {
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => SenderFor(CurrentUser.Anonymous).Send(new ListPolicyParametersQuery()));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            SenderFor(new CurrentUser("u", "nobody", TenantIds.Yulin, [])).Send(new CalculateCaseQuery(CaseKinds.Settlement, "{}", null)));
    }

    [Fact]
    public async Task Parameters_are_grouped_by_topic_with_clause_unit_dated_values_and_unset_flags()
    {
        var yulin = await Clerk(TenantIds.Yulin).Send(new ListPolicyParametersQuery());
        var zhenjiang = await Clerk(TenantIds.Zhenjiang).Send(new ListPolicyParametersQuery());

        Assert.NotNull(yulin);
        Assert.Equal((new DateOnly(2027, 1, 1), "scope"), (yulin.Start, yulin.Topics[0].Topic));
        var perDiem = yulin.Topics.Single(t => t.Topic == "payment").Parameters.Single(p => p.Name == "perDiem.institution.level5");
        Assert.Equal(("YL 二(四)4(3)", "yuan/day", false), (perDiem.Clause, perDiem.Unit, perDiem.Unset));
        Assert.Equal(45m, Assert.Single(perDiem.Values).Value);
        var share = zhenjiang!.Topics.SelectMany(t => t.Parameters).Single(p => p.Name == "employeeIndividualShare");
        Assert.True(share.Unset);
        Assert.Equal("funding", zhenjiang.Topics.Single(t => t.Parameters.Contains(share)).Topic);
    }

    public static TheoryData<string, string> TenantsAndKinds()
    {
        var data = new TheoryData<string, string>();
        foreach (var tenant in TenantIds.All)
        {
            foreach (var kind in CaseKinds.All)
                data.Add(tenant, kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TenantsAndKinds))]
    public async Task Every_tenants_example_of_every_kind_is_read_by_the_engine(string tenant, string kind)
    {
        var sender = Clerk(tenant);
        var example = await sender.Send(new GetCaseExampleQuery(kind));

        var outcome = await sender.Send(new CalculateCaseQuery(kind, example!.Input, example.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

        // an example may honestly stop at a figure the document leaves to local rules, never at its own input
        Assert.True(outcome!.ErrorCode != "invalid_input", $"{tenant} {kind}: {outcome.ErrorMessage}");
    }

    [Fact]
    public async Task An_example_of_an_unknown_kind_is_refused_by_the_validator()
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => Clerk(TenantIds.Yulin).Send(new GetCaseExampleQuery("claim")));
        Assert.Contains("未知的案例类型", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The engine as if no version had been stored: the city modules' shipped values.</summary>
    private sealed class ShippedValuesOnly : IPolicyEngine
    {
        public Task<PolicyCalculator> ForTenantAsync(string tenant, DateTimeOffset? knownAt = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new PolicyCalculator());

        public Task<IParameterProvider> ParametersAsync(string tenant, DateTimeOffset? knownAt = null, CancellationToken cancellationToken = default) =>
            Task.FromResult<IParameterProvider>(new LayeredParameterProvider(PolicyCalculator.DefaultParameters, ParameterOverrides.None));

        public IReadOnlyList<ParameterDefinition>? Shipped(string tenant) => PolicyCalculator.DefaultParameters.GetValueOrDefault(tenant);
    }
}
