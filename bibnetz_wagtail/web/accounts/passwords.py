"""Password rules of the network: the site's validators, and at least twelve characters."""

from django.contrib.auth import password_validation

MIN_LENGTH = 12


def network_password_validators():
    """The site's ``AUTH_PASSWORD_VALIDATORS``; a minimum length below twelve is raised to twelve."""
    validators, length_checked = [], False
    for validator in password_validation.get_default_password_validators():
        if isinstance(validator, password_validation.MinimumLengthValidator):
            if validator.min_length < MIN_LENGTH:
                continue
            length_checked = True
        validators.append(validator)
    if not length_checked:
        validators.append(password_validation.MinimumLengthValidator(MIN_LENGTH))
    return validators


def validate_network_password(password, user=None):
    """Raise ``ValidationError`` with every broken rule."""
    password_validation.validate_password(password, user, password_validators=network_password_validators())


def network_password_help_text():
    return password_validation.password_validators_help_text_html(network_password_validators())
