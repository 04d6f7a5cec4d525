using System.Security.Cryptography;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Users;
using LtcInsurance.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.Tenants.AddTenant;

internal sealed class AddTenantHandler(
    ILtcDbContext db, ICurrentUser current, IUserDirectory users, ITenantProvisioning provisioning, TimeProvider clock)
    : IRequestHandler<AddTenantCommand, AddTenantResult>
{
    public async Task<AddTenantResult> Handle(AddTenantCommand request, CancellationToken cancellationToken)
    {
        await PlatformAdmin.DemandAsync(current, users, "只有平台管理员可以开通新的城市。", cancellationToken);
        var id = request.Trimmed;
        var registry = CityRegistry.Current;
        if (registry.Find(id) is not { } module)
        {
            return AddTenantResult.Refused(id,
                $"没有代码为「{id}」的城市模块，无法开通。已登记的城市模块：{string.Join("、", registry.TenantIds)}。");
        }

        if (await db.Tenants.AsNoTracking().AnyAsync(t => t.Id == id, cancellationToken))
            return AlreadyTenant(module);

        var tenant = module.ToTenant();
        tenant.CreatedBy = current.Name();
        tenant.CreatedAt = clock.GetUtcNow();
        var chart = module.Chart();
        var admin = new NewTenantAdmin(AdminUserName(id), module.NameZh + "管理员", OneTimePassword());
        if (!await provisioning.ProvisionAsync(tenant, chart, admin, cancellationToken))
            return AlreadyTenant(module);
        return new AddTenantResult(true, id, null, module.NameZh, chart.Count, admin.UserName, admin.Password);
    }

    /// <summary>The first admin's user name, after the demo convention &lt;role&gt;.&lt;tenant&gt;.</summary>
    internal static string AdminUserName(string tenantId) => "admin." + tenantId;

    private static AddTenantResult AlreadyTenant(ICityModule module) =>
        AddTenantResult.Refused(module.TenantId, $"{module.NameZh}（{module.TenantId}）已经开通，不能重复开通。");

    /// <summary>
    /// 16 characters from a cryptographic source, with an upper-case and a lower-case letter, a digit and a symbol (the
    /// sign-in password rules), without look-alike characters (0/O, 1/l/I).
    /// </summary>
    internal static string OneTimePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "@#%+=?!";
        const string all = upper + lower + digits + symbols;
        var chars = new char[16];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}

/// <summary>Who is a platform admin: a user the directory knows with no tenant of their own, or an operator acting for none.</summary>
internal static class PlatformAdmin
{
    public static async Task DemandAsync(ICurrentUser current, IUserDirectory users, string message, CancellationToken cancellationToken)
    {
        var user = current.User;
        // The directory, not the cookie, says whether the user has a tenant; the command line's operator (unknown to the
        // directory) is platform-level only when it acts for no tenant.
        var account = user.UserId is { } userId ? await users.FindAsync(userId, cancellationToken) : null;
        var ownTenant = account is not null ? account.TenantId : user.TenantId;
        if (ownTenant is not null)
            throw new ForbiddenAccessException(message);
    }
}
