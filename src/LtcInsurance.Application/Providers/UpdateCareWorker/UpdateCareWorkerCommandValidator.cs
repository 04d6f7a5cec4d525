using FluentValidation;

namespace LtcInsurance.Application.Providers.UpdateCareWorker;

internal sealed class UpdateCareWorkerCommandValidator : AbstractValidator<UpdateCareWorkerCommand>
{
    public UpdateCareWorkerCommandValidator()
    {
        RuleFor(c => c.CareWorkerId).NotEmpty().WithMessage("请指定护理人员");
        RuleFor(c => c.Name).NotEmpty().WithMessage("请填写姓名").MaximumLength(50).WithMessage("姓名不能超过 50 个字");
        RuleFor(c => c.IdNumber!).ValidIdNumber().When(c => !string.IsNullOrWhiteSpace(c.IdNumber));
        RuleFor(c => c.Qualifications).NotEmpty().WithMessage("请至少选择一项资格").KnownQualifications();
    }
}
