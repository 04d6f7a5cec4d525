using FluentValidation;

namespace LtcInsurance.Application.Users;

/// <summary>A user id as the pages carry it (a GUID).</summary>
internal static class UserIdRule
{
    public static void Apply<T>(AbstractValidator<T> validator, Func<T, string?> userId) =>
        validator.RuleFor(r => userId(r))
            .NotEmpty().WithMessage("请指定用户。")
            .Must(id => id is null || Guid.TryParse(id, out _)).WithMessage("用户标识无效。")
            .OverridePropertyName("UserId");
}
