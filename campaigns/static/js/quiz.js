/* Quizzes (campaigns/quizzes/): one question at a time on a phone. Progressive enhancement: without
   JavaScript every question is shown and the form is sent once; here the same form, shown a question at a
   time with "Next" and "Back", still sent once. Old phones: plain ES5, no framework, no inline script. */
(function () {
  "use strict";
  var forms = document.querySelectorAll ? document.querySelectorAll("form.quiz-form") : [];
  function setUp(form) {
    var questions = form.querySelectorAll("fieldset.quiz-question");
    var send = form.querySelector(".quiz-send");
    var province = form.querySelector(".quiz-province");
    if (!questions.length || !send) {
      return;
    }
    var current = 0;
    var local = form.getAttribute("data-digits") || "0123456789";
    function digits(n) {
      return String(n).replace(/[0-9]/g, function (d) {
        return local.charAt(+d);
      });
    }
    var nav = document.createElement("p");
    nav.className = "quiz-nav";
    var progress = document.createElement("span");
    progress.className = "quiz-progress";
    progress.setAttribute("aria-live", "polite");
    var back = document.createElement("button");
    back.type = "button";
    back.className = "button button--secondary";
    back.textContent = form.getAttribute("data-back");
    var next = document.createElement("button");
    next.type = "button";
    next.className = "button";
    next.textContent = form.getAttribute("data-next");
    nav.appendChild(back);
    nav.appendChild(next);
    nav.appendChild(progress);
    send.parentNode.insertBefore(nav, send);
    function answered(fieldset) {
      var inputs = fieldset.querySelectorAll("input");
      for (var i = 0; i < inputs.length; i++) {
        if (inputs[i].checked) {
          return true;
        }
      }
      return false;
    }
    function show(index) {
      current = index;
      var last = index === questions.length - 1;
      for (var i = 0; i < questions.length; i++) {
        questions[i].hidden = i !== index;
      }
      back.hidden = index === 0;
      next.hidden = last;
      send.hidden = !last;
      if (province) {
        province.hidden = !last;
      }
      progress.textContent = " " + form.getAttribute("data-progress")
        .replace("{n}", digits(index + 1))
        .replace("{total}", digits(questions.length));
    }
    back.addEventListener("click", function () {
      show(Math.max(0, current - 1));
    });
    next.addEventListener("click", function () {
      if (!answered(questions[current])) {
        questions[current].className += " quiz-question--missing";
        var first = questions[current].querySelector("input");
        if (first) {
          first.focus();
        }
        return;
      }
      show(current + 1);
      var legend = questions[current].querySelector("legend");
      if (legend) {
        legend.setAttribute("tabindex", "-1");
        legend.focus();
      }
    });
    show(0);
  }
  for (var f = 0; f < forms.length; f++) {
    setUp(forms[f]);
  }
})();
