package fr.maillage.accounts.web;

import fr.maillage.accounts.AccountException;

import org.springframework.validation.BindingResult;

/** Turns domain refusals into form errors. */
final class Forms {

    private Forms() {
    }

    static void reject(BindingResult binding, AccountException e) {
        if (e.field() != null && binding.getTarget() != null && hasProperty(binding, e.field())) {
            binding.rejectValue(e.field(), e.code());
        } else {
            binding.reject(e.code());
        }
    }

    private static boolean hasProperty(BindingResult binding, String field) {
        try {
            binding.getFieldType(field);
            return binding.getFieldType(field) != null;
        } catch (RuntimeException ex) {
            return false;
        }
    }
}
