using FluentValidation;

namespace LtcInsurance.Application.ApiClients.ListApiKeys;

/// <summary>Nothing to check: the query has no input.</summary>
internal sealed class ListApiKeysValidator : AbstractValidator<ListApiKeysQuery>;
