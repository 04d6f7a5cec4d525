using FluentValidation;

namespace LtcInsurance.Application.Claims.GetApprovalThreshold;

internal sealed class GetApprovalThresholdValidator : AbstractValidator<GetApprovalThresholdQuery>;
