namespace LtcInsurance.Infrastructure.Identity;

/// <summary>Identity's password-rule failures (codes of <c>IdentityErrorDescriber</c>) told in Chinese.</summary>
internal static class PasswordRules
{
    public static string Describe(string code) => code switch
    {
        "PasswordTooShort" => "新密码至少 10 位。",
        "PasswordRequiresUpper" => "新密码须包含大写字母。",
        "PasswordRequiresLower" => "新密码须包含小写字母。",
        "PasswordRequiresDigit" => "新密码须包含数字。",
        "PasswordRequiresNonAlphanumeric" => "新密码须包含符号（如 ! @ # 等）。",
        "PasswordRequiresUniqueChars" => "新密码包含的不同字符太少。",
        "PasswordMismatch" => "当前密码不正确。",
        _ => "新密码不符合要求。",
    };
}
