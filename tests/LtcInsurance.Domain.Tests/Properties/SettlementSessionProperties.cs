using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Cases;

namespace LtcInsurance.Domain.Tests.Properties;

/// <summary>
/// The bulk path (<see cref="SettlementSession"/>, prepared once per tenant and month, no trace) answers every month as
/// the traced path (<see cref="PolicyCalculator.Evaluate"/>) does: the same totals, the same amount and rejection on
/// every line, the same reductions, and the same refusal (code and message) when the traced path refuses.
/// </summary>
public class SettlementSessionProperties
{
    private const int Runs = 300;

    // sessions are shared between generated months of the same tenant, month and case values, so the plans a session keeps
    // per (mode, level, provider level) are reused by later months, as in a run
    private static readonly ConcurrentDictionary<string, SettlementSession> Sessions = new();

    private static SettlementSession SessionFor(SettlementScenario scenario)
    {
        var parameters = scenario.Parameters;
        var key = $"{scenario.Tenant}|{scenario.Input.Month}|{string.Join(';', parameters.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))}";
        return Sessions.GetOrAdd(key, _ => Scenarios.Calculator.PrepareSettlement(scenario.Tenant, scenario.Input.Month, parameters));
    }

    private static (SettlementResult? Result, PolicyException? Refusal) Traced(SettlementScenario scenario)
    {
        try
        {
            return (Scenarios.Settle(scenario), null);
        }
        catch (PolicyException refusal)
        {
            return (null, refusal);
        }
    }

    private static (SettlementResult? Result, PolicyException? Refusal) Bulk(SettlementScenario scenario)
    {
        try
        {
            return (SessionFor(scenario).Settle(scenario.Input), null);
        }
        catch (PolicyException refusal)
        {
            return (null, refusal);
        }
    }

    private static void AssertSame(SettlementScenario scenario)
    {
        var traced = Traced(scenario);
        var bulk = Bulk(scenario);
        Assert.Equal(traced.Refusal?.Code, bulk.Refusal?.Code);
        Assert.Equal(traced.Refusal?.Message, bulk.Refusal?.Message);
        if (traced.Result is not { } expected)
        {
            return;
        }

        var actual = bulk.Result!;
        Assert.Equal(expected.Billed, actual.Billed);
        Assert.Equal(expected.FundPays, actual.FundPays);
        Assert.Equal(expected.IndividualPays, actual.IndividualPays);
        Assert.Equal(expected.Lines, actual.Lines); // records: index, fund, individual, rejection of every line
        Assert.Equal(expected.Reductions, actual.Reductions);
    }

    [Property(MaxTest = Runs)]
    public Property Bulk_settlement_pays_what_the_traced_path_pays_in_Yulin_and_Jining() =>
        Prop.ForAll(Scenarios.AnySettlement.ToArbitrary(), AssertSame);

    [Property(MaxTest = Runs)]
    public Property Bulk_settlement_pays_and_refuses_as_the_traced_path_in_Zhenjiang_Shishi_and_Yuzhong() =>
        Prop.ForAll(Scenarios.LocalRuleCities.ToArbitrary(), AssertSame);

    [Property(MaxTest = 100)]
    public Property Settling_many_months_answers_each_as_settling_it_alone() =>
        Prop.ForAll(Scenarios.Yulin.ListOf(8).ToArbitrary(), scenarios =>
        {
            // one session for a month, as a run prepares it; each input settled alone by the traced path
            var month = scenarios[0].Input.Month;
            var sameMonth = scenarios.Select(s => s with
            {
                Input = s.Input with
                {
                    Month = month,
                    Lines = [.. s.Input.Lines.Select(l => l with { Date = new DateOnly(month.Year, month.Number, Math.Min(l.Date.Day, month.LastDay.Day)) })],
                },
                Income = scenarios[0].Income,
            }).ToList();
            var session = Scenarios.Calculator.PrepareSettlement(sameMonth[0].Tenant, month, sameMonth[0].Parameters);
            var outcomes = session.SettleMany([.. sameMonth.Select(s => s.Input)]);
            Assert.Equal(sameMonth.Count, outcomes.Count);
            for (var i = 0; i < sameMonth.Count; i++)
            {
                var traced = Traced(sameMonth[i]);
                Assert.Equal(traced.Refusal?.Code, outcomes[i].Refusal?.Code);
                Assert.Equal(traced.Result?.FundPays, outcomes[i].Result?.FundPays);
                Assert.Equal(traced.Result?.Lines, outcomes[i].Result?.Lines);
            }
        });

    [Fact]
    public void A_session_refuses_a_month_before_the_scheme_pays_with_the_traced_paths_refusal()
    {
        var month = new Month(2026, 6); // Yulin's scheme starts on 2027-01-01
        var input = new SettlementInput(month, new Beneficiary(4, new DateOnly(2026, 1, 1), null, 0m), ServiceMode.Home, null,
            [new ServiceLine(new DateOnly(2026, 6, 3), LineCategories.Care, "H1", 80m)], []);
        var scenario = new SettlementScenario("yulin", input, 36000m);
        var traced = Assert.Throws<PolicyException>(() => Scenarios.Settle(scenario));
        var bulk = Assert.Throws<PolicyException>(() => Scenarios.Calculator.PrepareSettlement("yulin", month, scenario.Parameters).Settle(input));
        Assert.Equal("before_scheme_start", bulk.Code);
        Assert.Equal(traced.Message, bulk.Message);
    }

    [Fact]
    public void A_session_takes_only_months_of_its_own_month()
    {
        var session = Scenarios.Calculator.PrepareSettlement("jining", new Month(2024, 3));
        var input = new SettlementInput(new Month(2024, 4), new Beneficiary(3, new DateOnly(2024, 1, 1), null, 0m), ServiceMode.HomeMedical, 2, [], []);
        Assert.Throws<ArgumentException>(() => session.Settle(input));
    }
}
