using System.Data.Common;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Policies;
using LtcInsurance.Domain;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Policies;
using LtcInsurance.Domain.Policies.Parameters;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims;

/// <summary>Loads the claims path's rows (current tenant only), reads its parameters and the business day.</summary>
internal static class ClaimLookup
{
    public static string Tenant(ILtcDbContext db) =>
        db.CurrentTenantId ?? throw new BusinessRuleViolationException(new ClaimRule("no_tenant", "", "当前用户未选择城市", true));

    /// <summary>The business day in China (UTC+8): windows and postings are dated by it.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static async Task<Claim> ClaimAsync(ILtcDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var claim = await db.Set<Claim>().Include(c => c.Lines).Include(c => c.Settlements)
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        ClaimRule.Check(claim is null, ClaimCodes.NotFound, ClaimClauses.Handling, "未找到该结算申报");
        return claim!;
    }

    public static async Task<Institution> ProviderAsync(ILtcDbContext db, string code, CancellationToken cancellationToken)
    {
        var trimmed = code.Trim();
        var institution = await db.Institutions.SingleOrDefaultAsync(i => i.Code == trimmed, cancellationToken);
        ClaimRule.Check(institution is null, ClaimCodes.ProviderNotFound, ClaimClauses.Handling, $"未找到定点护理服务机构 {trimmed}");
        return institution!;
    }

    public static async Task<Institution> ProviderAsync(ILtcDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Institutions.SingleAsync(i => i.Id == id, cancellationToken);

    /// <summary>A tenant parameter on <paramref name="on"/>; an unset one is refused with <c>parameter_missing</c>.</summary>
    public static async Task<ResolvedParameter> ParameterAsync(IPolicyEngine engine, string tenant, string name, DateOnly on, CancellationToken cancellationToken)
    {
        var provider = await engine.ParametersAsync(tenant, null, cancellationToken);
        try
        {
            return new ParameterScope(provider, tenant, new Dictionary<string, object?>()).Get(name, on);
        }
        catch (PolicyException e)
        {
            throw Refusal(e);
        }
    }

    /// <summary>A tenant parameter, or null when unset or not declared.</summary>
    public static async Task<ResolvedParameter?> ParameterOrNullAsync(IPolicyEngine engine, string tenant, string name, DateOnly on, CancellationToken cancellationToken)
    {
        var provider = await engine.ParametersAsync(tenant, null, cancellationToken);
        try
        {
            return new ParameterScope(provider, tenant, new Dictionary<string, object?>()).Get(name, on);
        }
        catch (PolicyException)
        {
            return null;
        }
    }

    public static async Task<ClaimWindow> WindowAsync(IPolicyEngine engine, string tenant, Month month, CancellationToken cancellationToken)
    {
        var day = await ParameterAsync(engine, tenant, CommonParameters.ClaimWindowCloseDay, month.FirstDay, cancellationToken);
        var closeDay = (int)day.Number;
        ClaimRule.Check(closeDay is < 1 or > ClaimWindow.LatestCloseDay, "parameter_invalid", day.Clause,
            $"结算申报截止日 {closeDay} 不在 1 至 {ClaimWindow.LatestCloseDay} 日之间，请管理员更正参数 {CommonParameters.ClaimWindowCloseDay}");
        return new ClaimWindow(month, closeDay);
    }

    /// <summary>A policy refusal (unset figure, mode not offered) as a business-rule refusal for the pages and the API.</summary>
    public static BusinessRuleViolationException Refusal(PolicyException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new BusinessRuleViolationException(new ClaimRule(e.Code, "", e.Message, true));
    }

    /// <summary>The first day the entitlement pays: the day after its waiting period, if any (YL 二(四)5 激励约束).</summary>
    public static DateOnly PaysFrom(Domain.Benefits.BenefitEntitlement entitlement)
    {
        ArgumentNullException.ThrowIfNull(entitlement);
        return entitlement.WaitingUntil is { } waiting && waiting >= entitlement.From ? waiting.AddDays(1) : entitlement.From;
    }

    public static BusinessRuleViolationException Concurrent() =>
        new(new ClaimRule(ClaimCodes.Concurrent, ClaimClauses.Handling, "该申报刚被其他经办人员处理，请刷新后重试", true));

    public static bool IsUniqueViolation(DbUpdateException failure) =>
        failure.InnerException is DbException { SqlState: "23505" };

    /// <summary>The region sub-account where the tenant keeps one (JN, YZ), else the city account.</summary>
    public static Task<Func<string, string, string>> AccountsAsync(ILtcDbContext db, CancellationToken cancellationToken) =>
        Contributions.ContributionAccounts.LoadAsync(db, cancellationToken);
}
