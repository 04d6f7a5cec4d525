using FluentValidation;

namespace LtcInsurance.Application.People.UpdateContact;

internal sealed class UpdateContactCommandValidator : AbstractValidator<UpdateContactCommand>
{
    public UpdateContactCommandValidator()
    {
        RuleFor(c => c.PersonId).Must(id => id.Value != Guid.Empty).WithMessage("请指定参保人员");
        RuleFor(c => c.Phone).MaximumLength(20).WithMessage("联系电话不能超过 20 个字符")
            .Matches(@"^[0-9+\-\s()]*$").When(c => !string.IsNullOrWhiteSpace(c.Phone)).WithMessage("联系电话只能包含数字、空格和 + - ( )");
        RuleFor(c => c.Address).MaximumLength(200).WithMessage("住址不能超过 200 个字");
    }
}
