using FluentValidation;

namespace LtcInsurance.Application.ApiClients.AuthenticateApiKey;

/// <summary>Nothing to check: any text is answered, a text that is not a valid key with null.</summary>
internal sealed class AuthenticateApiKeyValidator : AbstractValidator<AuthenticateApiKeyQuery>;
