using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Benefits;
using LtcInsurance.Domain.Claims;
using LtcInsurance.Domain.Providers;
using LtcInsurance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Claims.ListProviderBeneficiaries;

internal sealed class ListProviderBeneficiariesHandler(ILtcDbContext db, ICurrentUser user)
    : IRequestHandler<ListProviderBeneficiariesQuery, IReadOnlyList<ProviderBeneficiary>>
{
    public async Task<IReadOnlyList<ProviderBeneficiary>> Handle(ListProviderBeneficiariesQuery request, CancellationToken cancellationToken)
    {
        var code = ClaimAccess.OwnProvider(user.User) ?? request.ProviderCode?.Trim();
        ClaimRule.Check(string.IsNullOrEmpty(code), ClaimCodes.ProviderNotFound, ClaimClauses.Handling, "请指定定点护理服务机构");
        var provider = await ClaimLookup.ProviderAsync(db, code!, cancellationToken);

        var plans = await db.Set<CarePlan>().AsNoTracking().Include(p => p.Items).Where(p => p.InstitutionId == provider.Id).ToListAsync(cancellationToken);
        var planned = plans.Select(p => p.EntitlementId).ToList();
        var entitlements = await db.Set<BenefitEntitlement>().AsNoTracking()
            .Where(e => e.InstitutionId == provider.Id || planned.Contains(e.Id)).ToListAsync(cancellationToken);
        var personIds = entitlements.Select(e => e.PersonId).Distinct().ToList();
        var people = await db.InsuredPeople.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToListAsync(cancellationToken);
        var codes = plans.SelectMany(p => p.Items).Select(i => i.ItemCode).Distinct().ToList();
        var names = (await db.Set<ServiceItem>().AsNoTracking().Where(i => codes.Contains(i.Code)).Select(i => new { i.Code, i.Name, i.ValidFrom })
                .ToListAsync(cancellationToken))
            .GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.OrderByDescending(i => i.ValidFrom).First().Name, StringComparer.Ordinal);

        return
        [
            .. people.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Select(p =>
            {
                var own = entitlements.Where(e => e.PersonId == p.Id).OrderByDescending(e => e.From).ToList();
                var ownIds = own.Select(e => e.Id).ToHashSet();
                return new ProviderBeneficiary(p.Id, p.Name, p.IdNumber.Value, p.IdNumber.Masked,
                    [.. own.Select(e => new BeneficiaryEntitlement(e.Id, e.LevelLabel, e.ServiceMode,
                        ServiceModes.Terms.TryParse(e.ServiceMode, out var mode) ? mode.ChineseName() : e.ServiceMode,
                        e.From, e.To, e.WaitingUntil, e.EndReason is { } r ? EntitlementEndReasons.ChineseName(r) : null,
                        e.InstitutionId is null || e.InstitutionId == provider.Id))],
                    [.. plans.Where(c => ownIds.Contains(c.EntitlementId)).OrderByDescending(c => c.From).Select(c => new BeneficiaryCarePlan(c.Id, c.From, c.To,
                        c.ConfirmedByInsuredOn,
                        [.. c.Items.Select(i => new BeneficiaryCarePlanItem(i.ItemCode, names.GetValueOrDefault(i.ItemCode), i.Frequency, i.FrequencyUnit, i.DurationMinutes))]))]);
            }),
        ];
    }
}
