using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Enrollment;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.ApiClients;

/// <summary>
/// Whose keys a caller may manage: an institution user its own institution's only (the provider code it signed in with),
/// a city admin any institution of the city.
/// </summary>
internal static class ApiClientAccess
{
    /// <summary>True when the caller is confined to one provider (an institution user who is not also an admin).</summary>
    public static bool IsProviderOnly(CurrentUser user) => !user.IsInRole(Roles.Admin);

    public static string OwnProviderCode(CurrentUser user) =>
        string.IsNullOrWhiteSpace(user.ProviderCode)
            ? throw new ForbiddenAccessException("当前账号未绑定护理机构，不能管理 API 密钥。")
            : user.ProviderCode;

    /// <summary>The institution the caller may act for with <paramref name="requested"/> (null: the caller's own).</summary>
    public static async Task<Institution> InstitutionAsync(ILtcDbContext db, CurrentUser user, string? requested, CancellationToken cancellationToken)
    {
        if (db.CurrentTenantId is null)
            throw new ForbiddenAccessException("请先选择城市。");
        string code;
        if (IsProviderOnly(user))
        {
            code = OwnProviderCode(user);
            if (!string.IsNullOrWhiteSpace(requested) && !string.Equals(requested.Trim(), code, StringComparison.Ordinal))
                throw new ForbiddenAccessException("只能为本机构管理 API 密钥。");
        }
        else
        {
            code = string.IsNullOrWhiteSpace(requested)
                ? throw new RequestValidationException([new ValidationProblem("ProviderCode", "请选择护理机构。")])
                : requested.Trim();
        }

        return await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, cancellationToken)
               ?? throw new RequestValidationException([new ValidationProblem("ProviderCode", $"本市没有机构代码为 {code} 的护理机构。")]);
    }
}
