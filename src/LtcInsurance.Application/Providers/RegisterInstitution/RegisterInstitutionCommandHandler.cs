using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Providers;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Providers.RegisterInstitution;

internal sealed class RegisterInstitutionCommandHandler(ILtcDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RegisterInstitutionCommand, Guid>
{
    public async Task<Guid> Handle(RegisterInstitutionCommand request, CancellationToken cancellationToken)
    {
        var provider = await ProviderRegistration.NewAsync(db, request.Code, ProviderKinds.Institution, request.Terms, cancellationToken);
        var log = ProviderChangeLog.For(db, user, clock);
        log.Add(provider.Id, null, ProviderFields.Registered, null, provider.Code, ProviderKinds.ChineseName(ProviderKinds.Institution));
        ProviderTermsApplier.Apply(provider, request.Terms, log);
        db.Institutions.Add(provider);
        await db.SaveChangesAsync(cancellationToken);
        return provider.Id;
    }
}

/// <summary>A new provider row of either kind, its code checked unique.</summary>
internal static class ProviderRegistration
{
    public static async Task<Institution> NewAsync(ILtcDbContext db, string code, string kind, ProviderTerms terms, CancellationToken cancellationToken)
    {
        var tenant = ProviderLookup.Tenant(db);
        code = code.Trim();
        var taken = await db.Institutions.AnyAsync(i => i.Code == code, cancellationToken);
        ProviderRule.Check(taken, ProviderCodes.DuplicateCode, ProviderClauses.Agreement, $"协议编码 {code} 已被使用");
        return new Institution
        {
            TenantId = tenant, Code = code, Name = terms.Name.Trim(), RegionCode = terms.RegionCode, ProviderKind = kind,
            Status = InstitutionStatus.Active,
        };
    }
}
