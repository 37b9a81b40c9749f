import { pythonAnalyzer } from '../../../../src/analyzers/python';
import type { Analyzer } from '../../../../src/core/rule';
import { ruleTester } from '../../rule-tester';

ruleTester(pythonAnalyzer as Analyzer, 'python/hf-device-index', {
  filename: 'infer.py',
  valid: [
    { code: 'from transformers import pipeline\np = pipeline("sentiment-analysis", device=-1)\n', name: '-1 is the CPU' },
    { code: 'from transformers import pipeline\np = pipeline("sentiment-analysis")\n' },
    { code: 'from mylib import pipeline\np = pipeline("x", device=0)\n', name: 'not transformers' },
    { code: 'from transformers import AutoModel\nm = AutoModel.from_pretrained("x", device_map="auto")\n' },
  ],
  invalid: [
    {
      code: 'from transformers import pipeline\np = pipeline("text-generation", model="gpt2", device=0)\n',
      errors: [{ line: 2, column: 54, endColumn: 55, severity: 'info', effort: 'low' }],
    },
    {
      code: 'import transformers\np = transformers.pipeline("ner", device=1)\n',
      errors: [{ line: 2, column: 41, endColumn: 42 }],
    },
    {
      code: 'from transformers import AutoModelForCausalLM\nm = AutoModelForCausalLM.from_pretrained("x", load_in_4bit=True, device_map={"": 0})\n',
      errors: [{ line: 2, column: 82, endColumn: 83 }],
    },
  ],
});
