using FluentValidation;

namespace LtcInsurance.Application.Accounts.SignOut;

/// <summary>Nothing to check: the command has no values.</summary>
internal sealed class SignOutValidator : AbstractValidator<SignOutCommand>;
