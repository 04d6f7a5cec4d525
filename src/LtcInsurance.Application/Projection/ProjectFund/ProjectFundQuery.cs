using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Projection.ProjectFund;

/// <summary>
/// The fund's sustainability projection (以收定支、收支平衡、略有结余) for the current city: from the last full year's books
/// (<paramref name="BaseYear"/>, default the year before the clock's), its register and beneficiaries, 1–5 years of income,
/// expenditure and balance. Growth rates are percentages a year; a null one is computed from the history (the page says
/// so). <paramref name="Overrides"/> are what-if values of the city's policy parameters by name (e.g. a contribution rate,
/// a per-diem, a monthly limit), evaluated by the policy engine on the base year's own bills and claims;
/// <paramref name="CoverModerate"/> extends benefits to moderate disability (national 2021 standard, level 2).
/// </summary>
[RequiresRole(Roles.Auditor, Roles.Admin, Roles.Clerk)]
public sealed record ProjectFundQuery(
    int Years = 3,
    int? BaseYear = null,
    decimal? InsuredGrowth = null,
    decimal? ContributionGrowth = null,
    decimal? BeneficiaryGrowth = null,
    decimal? CostGrowth = null,
    IReadOnlyDictionary<string, decimal>? Overrides = null,
    bool CoverModerate = false) : IRequest<FundProjection>;

/// <summary>The projection: the base year's books, the assumptions with their source, the engine's factors and each projected year.</summary>
public sealed record FundProjection(
    int BaseYear,
    decimal BaseIncome,
    decimal BaseExpense,
    decimal OpeningBalance,
    IReadOnlyList<ProjectionAssumption> Assumptions,
    IReadOnlyList<ProjectedYear> Years,
    IReadOnlyList<WhatIfParameter> Parameters);

/// <summary>An assumption as the page states it: its value, and where it comes from (history, the engine, or the user).</summary>
public sealed record ProjectionAssumption(string Name, decimal Value, string Unit, string Source, bool UserInput);

public sealed record ProjectedYear(int Year, decimal Income, decimal Expense, decimal Surplus, decimal Balance, decimal? MonthsOfReserve);

/// <summary>A policy parameter the what-if may change: its value in force at the end of the base year (null: unset).</summary>
public sealed record WhatIfParameter(string Name, string Label, string Clause, string Unit, decimal? Current);
