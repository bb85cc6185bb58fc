package org.tracker.api.pages;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.tracker.api.web.InvalidRequest;
import org.tracker.api.web.UnknownMeasure;

/** A page's refusal is a page saying what to change, where the API's would be problem+json. */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler({InvalidRequest.class, IllegalArgumentException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(RuntimeException e, Model model) {
        model.addAttribute("heading", "That request cannot be answered");
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    @ExceptionHandler(UnknownMeasure.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknown(UnknownMeasure e, Model model) {
        model.addAttribute("heading", "Not found");
        model.addAttribute("message", e.getMessage());
        return "problem";
    }
}
