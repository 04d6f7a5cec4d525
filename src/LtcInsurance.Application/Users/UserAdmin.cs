using FluentValidation;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Users;

/// <summary>
/// Who may administer whom: a city's admin the users of their own city, a platform admin (no city of their own) the
/// users of any city. Platform users themselves are not administered here (they have no city to record history in).
/// </summary>
internal static class UserAdmin
{
    public const string OtherCity = "只能管理本市的用户。";

    /// <summary>
    /// The caller's own city (null: a platform admin). The directory, not the cookie, decides; the command line's operator
    /// (unknown to the directory) has the city it acts for.
    /// </summary>
    public static async Task<string?> OwnTenantAsync(ICurrentUser current, IUserDirectory directory, CancellationToken cancellationToken)
    {
        var user = current.User;
        var account = user.UserId is { } id ? await directory.FindAsync(id, cancellationToken) : null;
        return account is not null ? account.TenantId : user.TenantId;
    }

    /// <summary>
    /// The user <paramref name="userId"/> if the caller may administer them; null when there is no such city user.
    /// A user of another city is refused with <see cref="ForbiddenAccessException"/>.
    /// </summary>
    public static async Task<UserAccount?> TargetAsync(
        ICurrentUser current, IUserDirectory directory, IUserAdministration users, string userId, CancellationToken cancellationToken)
    {
        var ownTenant = await OwnTenantAsync(current, directory, cancellationToken);
        var target = await users.GetAsync(userId, cancellationToken);
        if (target?.TenantId is null)
            return null;
        if (ownTenant is not null && target.TenantId != ownTenant)
            throw new ForbiddenAccessException(OtherCity);
        return target;
    }

    public static bool IsSelf(ICurrentUser current, UserAccount target) =>
        string.Equals(current.User.UserId, target.Id, StringComparison.OrdinalIgnoreCase);

    public static UserCommandResult NotFound() => UserCommandResult.Refused("找不到该用户（或该用户不属于任何城市）。");

    public static UserCommandResult LastAdmin(UserAccount target) =>
        UserCommandResult.Refused($"「{target.DisplayName}」是本市最后一位在用的系统管理员，不能锁定、停用或改为其他角色；请先为本市另设一位管理员。");

    public static UserCommandResult Deactivated(UserAccount target) =>
        UserCommandResult.Refused($"「{target.DisplayName}」已停用，账户不能再修改。");

    /// <summary>The Chinese name of a role, as the pages show it.</summary>
    public static string RoleName(string? role) => role switch
    {
        Roles.Clerk => "经办人员",
        Roles.Institution => "护理机构",
        Roles.Assessor => "评估人员",
        Roles.Auditor => "基金监管人员",
        Roles.Admin => "系统管理员",
        null => "无",
        _ => role,
    };

    /// <summary>The role with its binding, for the history ("护理机构（机构 JN001）").</summary>
    public static string RoleWithBinding(string? role, string? institution, string? agency) => role switch
    {
        Roles.Institution => $"{RoleName(role)}（机构 {institution}）",
        Roles.Assessor => $"{RoleName(role)}（评估机构 {agency}）",
        _ => RoleName(role),
    };
}

/// <summary>The fields of a role and its binding, shared by creating a user and changing a user's role.</summary>
internal static class RoleRules
{
    // An assessment agency is a code for now: issue #12 brings the agencies themselves.
    private const string AgencyPattern = "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$";

    public static void Apply<T>(AbstractValidator<T> validator, Func<T, string?> role, Func<T, string?> institution, Func<T, string?> agency)
    {
        validator.RuleFor(r => role(r)).NotEmpty().WithMessage("请选择角色。")
            .Must(r => r is null || Roles.All.Contains(r)).WithMessage(r => $"角色「{role(r)}」无效：应为经办人员、护理机构、评估人员、基金监管人员或系统管理员之一。")
            .OverridePropertyName("Role");
        validator.RuleFor(r => institution(r)).NotEmpty().When(r => role(r) == Roles.Institution)
            .WithMessage("护理机构用户须绑定一家本市的定点护理机构。").OverridePropertyName("InstitutionCode");
        validator.RuleFor(r => institution(r)).Empty().When(r => role(r) != Roles.Institution)
            .WithMessage("只有护理机构用户绑定定点护理机构。").OverridePropertyName("InstitutionCode");
        validator.RuleFor(r => institution(r)).MaximumLength(32).WithMessage("机构代码过长（至多 32 个字符）。")
            .OverridePropertyName("InstitutionCode");
        validator.RuleFor(r => agency(r)).NotEmpty().When(r => role(r) == Roles.Assessor)
            .WithMessage("评估人员须绑定一家评估机构（填写评估机构代码）。").OverridePropertyName("AgencyCode");
        validator.RuleFor(r => agency(r)).Empty().When(r => role(r) != Roles.Assessor)
            .WithMessage("只有评估人员绑定评估机构。").OverridePropertyName("AgencyCode");
        validator.RuleFor(r => agency(r)).Matches(AgencyPattern).When(r => !string.IsNullOrEmpty(agency(r)))
            .WithMessage("评估机构代码无效：以字母或数字开头，只含字母、数字、下划线和连字符，至多 32 个字符。")
            .OverridePropertyName("AgencyCode");
    }
}
